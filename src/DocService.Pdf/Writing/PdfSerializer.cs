using System.Text;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>Writes a single value in PDF syntax.</summary>
public static class PdfSerializer
{
    public static byte[] ToBytes(PdfObject value)
    {
        using var buffer = new MemoryStream();
        new PdfOutput(buffer, 0).WriteObject(value);
        return buffer.ToArray();
    }

    /// <summary>The value as text (bytes read as Latin-1), for diagnostics; streams show their dictionary only.</summary>
    public static string ToText(PdfObject value) => value switch
    {
        PdfStream stream => $"{ToText(stream.Dictionary)} stream[{stream.Data.Length}]",
        _ => Encoding.Latin1.GetString(ToBytes(value)),
    };
}
