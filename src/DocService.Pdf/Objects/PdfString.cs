namespace DocService.Pdf.Objects;

public enum PdfStringFormat
{
    Literal,
    Hex,
}

/// <summary>
/// A string object: the bytes it stands for (escapes decoded) and whether it was written as
/// <c>(literal)</c> or <c>&lt;hex&gt;</c>, so it is written back the same way.
/// </summary>
public sealed record PdfString : PdfObject
{
    private readonly byte[] _bytes;

    public PdfString(ReadOnlySpan<byte> bytes, PdfStringFormat format = PdfStringFormat.Literal)
    {
        _bytes = bytes.ToArray();
        Format = format;
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public PdfStringFormat Format { get; }

    public static PdfString Hex(ReadOnlySpan<byte> bytes) => new(bytes, PdfStringFormat.Hex);

    /// <summary>A text string (§7.9.2.2): PDFDocEncoding when it fits, otherwise UTF-16BE with a BOM.</summary>
    public static PdfString FromText(string text) => new(PdfTextEncoding.Encode(text));

    /// <summary>Decodes a text string: UTF-16BE or UTF-8 when it carries a BOM, PDFDocEncoding otherwise.</summary>
    public string ToText() => PdfTextEncoding.Decode(_bytes);

    public bool Equals(PdfString? other) =>
        other is not null && Format == other.Format && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return HashCode.Combine(hash.ToHashCode(), Format);
    }
}
