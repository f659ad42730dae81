using System.Diagnostics;
using System.Text;
using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.CrossReference;

/// <summary>Inputs built to exhaust memory, stack or time must fail fast with a <see cref="PdfSyntaxException"/>.</summary>
public class HostileInputTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    private static void ShouldFailQuickly(byte[] bytes, Func<PdfDocument, object?>? touch = null)
    {
        var clock = Stopwatch.StartNew();
        Should.Throw<PdfSyntaxException>(() =>
        {
            var document = TestPdf.Open(bytes);
            touch?.Invoke(document);
        });
        clock.Elapsed.ShouldBeLessThan(Quickly);
    }

    [Fact]
    public void Deeply_nested_arrays_end_in_a_syntax_error()
    {
        var bytes = new TestPdfBuilder()
            .Object(1, "<< /Type /Catalog /Pages 2 0 R /Deep " + new string('[', 100_000) + " >>")
            .Object(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .BuildWithTable();

        ShouldFailQuickly(bytes, d => d.Catalog);
    }

    [Fact]
    public void A_flate_bomb_is_stopped_at_the_expansion_limit()
    {
        var bomb = TestPdfBuilder.Deflate(new byte[64 * 1024 * 1024]);
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var streamOffset = pdf.Position;
        pdf.Append($"2 0 obj\n<< /Type /XRef /Size 3 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length {bomb.Length} >>\nstream\n");
        pdf.Append(bomb);
        pdf.Append($"\nendstream\nendobj\nstartxref\n{streamOffset}\n%%EOF\n");

        bomb.Length.ShouldBeLessThan(100_000);
        ShouldFailQuickly(pdf.ToArray());
    }

    [Fact]
    public void A_truncated_file_ends_in_a_syntax_error()
    {
        var bytes = TestPdfBuilder.MinimalDocument().BuildWithTable();

        ShouldFailQuickly(bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void A_prev_chain_that_loops_ends_in_a_syntax_error()
    {
        const string loopingSection = "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 2 /Prev {0:D6} >>\n";
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var first = pdf.Position;
        var second = first + string.Format(loopingSection, 0).Length;
        pdf.Append(string.Format(loopingSection, second));
        pdf.Append($"xref\n1 1\n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev {first} >>\nstartxref\n{second}\n%%EOF\n");

        ShouldFailQuickly(pdf.ToArray());
    }

    [Fact]
    public void An_xref_table_declaring_billions_of_objects_is_refused()
    {
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var xref = pdf.Position;
        pdf.Append($"xref\n0 2000000000\n0000000000 65535 f \ntrailer\n<< /Size 2000000000 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");

        ShouldFailQuickly(pdf.ToArray());
    }

    [Fact]
    public void An_xref_stream_declaring_billions_of_objects_is_refused()
    {
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var xref = pdf.Position;
        pdf.Append("2 0 obj\n<< /Type /XRef /Size 3 /Index [0 2000000000] /W [1 4 2] /Root 1 0 R /Length 7 >>\nstream\n\u0001\0\0\0\u0009\0\0\nendstream\nendobj\n");
        pdf.Append($"startxref\n{xref}\n%%EOF\n");

        ShouldFailQuickly(pdf.ToArray());
    }

    [Fact]
    public void An_object_stream_claiming_millions_of_members_is_refused()
    {
        var stream = new PdfStream(
            PdfDictionary.Of(("Type", PdfName.ObjStm), ("N", new PdfInteger(50_000_000)), ("First", new PdfInteger(4))),
            Encoding.Latin1.GetBytes("5 0 << >>"));

        Should.Throw<PdfLimitExceededException>(() => ObjectStreamContent.Read(stream, 1234, PdfLimits.Default, o => o))
            .Offset.ShouldBe(1234);
    }

    [Fact]
    public void Input_that_is_not_a_pdf_is_refused_at_once()
    {
        ShouldFailQuickly(Encoding.ASCII.GetBytes("<html>definitely not a pdf</html>"));
    }
}
