using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Tests.Document;

/// <summary>Files can be hundreds of megabytes: reading and updating one must not load it into memory.</summary>
public sealed class LargeFileTests : IDisposable
{
    private const int StreamBytes = 100 * 1024 * 1024;
    private const long AllocationBudget = 16 * 1024 * 1024;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"docservice-large-{Guid.NewGuid():N}.pdf");

    public LargeFileTests()
    {
        using var file = File.Create(_path);
        var offsets = new long[5];
        void Write(string text) => file.Write(System.Text.Encoding.ASCII.GetBytes(text));

        Write("%PDF-1.7\n");
        offsets[1] = file.Position;
        Write("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets[2] = file.Position;
        Write("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>\nendobj\n");
        offsets[3] = file.Position;
        Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n");
        offsets[4] = file.Position;
        Write($"4 0 obj\n<< /Length {StreamBytes} >>\nstream\n");
        file.Write(new byte[StreamBytes]);
        Write("\nendstream\nendobj\n");
        var xref = file.Position;
        Write("xref\n0 5\n0000000000 65535 f \n");
        for (var i = 1; i < 5; i++)
            Write($"{offsets[i]:D10} 00000 n \n");
        Write($"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }

    [Fact]
    public void Opening_and_updating_a_100_MB_file_allocates_a_small_fraction_of_it()
    {
        using var input = File.OpenRead(_path);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var document = PdfDocument.Open(input);
        document.Pages.Count.ShouldBe(1);
        document.GetObject(new ObjectId(4, 0)).ShouldBeOfType<PdfStream>().Data.Length.ShouldBe(StreamBytes);
        var update = new IncrementalUpdate(document);
        update.Add(PdfDictionary.Of(("Type", new PdfName("Test"))));
        var result = update.WriteTo(Stream.Null);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(AllocationBudget);
        result.Length.ShouldBeGreaterThan(input.Length);
    }

    public void Dispose() => File.Delete(_path);
}
