using DocService.Pdf.Writing;

namespace DocService.Pdf.Objects;

/// <summary>
/// A PDF value (ISO 32000-2 §7.3). Instances are immutable: a change produces a new value, which
/// is what the incremental writer needs to tell original objects from replaced ones.
/// </summary>
public abstract record PdfObject
{
    /// <summary>The value as it would be written into a file, for diagnostics and tests.</summary>
    public sealed override string ToString() => PdfSerializer.ToText(this);
}

public sealed record PdfNull : PdfObject
{
    public static PdfNull Instance { get; } = new();

    private PdfNull() { }
}

public sealed record PdfBoolean : PdfObject
{
    public static PdfBoolean True { get; } = new(true);
    public static PdfBoolean False { get; } = new(false);

    private PdfBoolean(bool value) => Value = value;

    public bool Value { get; }
}

public sealed record PdfInteger(long Value) : PdfObject;

/// <summary>A real number. Written without exponent, invariant culture (PDF has no exponent syntax).</summary>
public sealed record PdfReal(double Value) : PdfObject;

/// <summary>An indirect reference <c>N G R</c>.</summary>
public sealed record PdfReference(ObjectId Id) : PdfObject
{
    public PdfReference(int number, int generation) : this(new ObjectId(number, generation)) { }
}
