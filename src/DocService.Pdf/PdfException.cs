namespace DocService.Pdf;

/// <summary>Base of every error this library raises about a PDF file.</summary>
public abstract class PdfException : Exception
{
    protected PdfException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The bytes are not a PDF we can read. <see cref="Offset"/> is where reading stopped making sense.</summary>
public class PdfSyntaxException : PdfException
{
    public PdfSyntaxException(string message, long offset, Exception? inner = null)
        : base($"{message} (at byte {offset})", inner)
    {
        Offset = offset;
    }

    public long Offset { get; }
}

/// <summary>
/// A <see cref="PdfLimits"/> bound was hit. It is a syntax error from the caller's point of view
/// (the file is refused), kept as its own type so hostile input can be told apart in logs.
/// </summary>
public sealed class PdfLimitExceededException : PdfSyntaxException
{
    public PdfLimitExceededException(string message, long offset) : base(message, offset) { }
}

/// <summary>The file is well-formed but uses something this library deliberately does not do (a filter, encryption).</summary>
public sealed class PdfUnsupportedFeatureException : PdfException
{
    public PdfUnsupportedFeatureException(string message) : base(message) { }
}
