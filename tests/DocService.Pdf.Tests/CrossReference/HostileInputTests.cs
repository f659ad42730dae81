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

    /// <summary>Deflated zeros, written in chunks so the test never holds the inflated size itself.</summary>
    private static byte[] DeflatedZeros(long count)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < count; written += chunk.Length)
                zlib.Write(chunk);
        }
        return buffer.ToArray();
    }

    [Fact]
    public void An_xref_stream_bomb_is_refused_before_inflating_more_than_a_small_multiple_of_the_file()
    {
        // The worst an attacker can declare: the most objects the limits allow, each entry 24 bytes wide.
        var bomb = DeflatedZeros(512L * 1024 * 1024);
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var streamOffset = pdf.Position;
        pdf.Append($"2 0 obj\n<< /Type /XRef /Size 8000000 /W [8 8 8] /Root 1 0 R /Filter /FlateDecode /Length {bomb.Length} >>\nstream\n");
        pdf.Append(bomb);
        pdf.Append($"\nendstream\nendobj\nstartxref\n{streamOffset}\n%%EOF\n");
        var bytes = pdf.ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();

        ShouldFailQuickly(bytes);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The data may hold one entry (with its predictor byte) per byte of the file: 25 bytes each here, held while
        // the output grows. Before, the bound was 200 times the compressed stream: about 200 MB for this file.
        allocated.ShouldBeLessThan(100L * bytes.Length, $"{allocated / (1024 * 1024)} MiB allocated for a {bytes.Length / 1024} KiB file");
    }

    [Fact]
    public void Chained_flate_filters_share_one_expansion_ratio()
    {
        var bomb = TestPdfBuilder.Deflate(DeflatedZeros(256L * 1024 * 1024));
        var pdf = new PdfText();
        pdf.Append("%PDF-1.7\n");
        var catalog = pdf.Position;
        pdf.Append("1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        var stream = pdf.Position;
        pdf.Append($"2 0 obj\n<< /Filter [/FlateDecode /FlateDecode] /Length {bomb.Length} >>\nstream\n");
        pdf.Append(bomb);
        pdf.Append("\nendstream\nendobj\n");
        var xref = pdf.Position;
        pdf.Append($"xref\n0 3\n0000000000 65535 f \n{catalog:D10} 00000 n \n{stream:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var document = TestPdf.Open(pdf.ToArray());
        var bombStream = (PdfStream)document.GetObject(new ObjectId(2, 0));
        var before = GC.GetAllocatedBytesForCurrentThread();

        Should.Throw<PdfLimitExceededException>(() => document.DecodeStream(bombStream));

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(2L * 200 * bomb.Length + 8 * 1024 * 1024);
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
