using System.Text;
using DocService.Pdf.Document;
using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.Tests.Support;

internal static class TestPdf
{
    public static PdfDocument Open(byte[] bytes, PdfLimits? limits = null) => PdfDocument.Open(new MemoryStream(bytes, writable: false), limits);

    public static PdfObject Parse(string text, PdfLimits? limits = null) => Parse(Encoding.Latin1.GetBytes(text), limits);

    public static PdfObject Parse(byte[] bytes, PdfLimits? limits = null)
    {
        limits ??= PdfLimits.Default;
        return new PdfParser(new PdfLexer(RandomAccessInput.FromBytes(bytes), limits), limits).ParseObject();
    }

    public static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
