using System.Text;

namespace DocService.Benchmarks.Signing;

/// <summary>A valid one-page PDF padded to a given size with an incompressible stream, as scanned annexes make real files large.</summary>
public static class BenchmarkPdfs
{
    public static void Write(string path, int megabytes)
    {
        using var file = File.Create(path);
        var offsets = new List<long>();
        void Text(string s) => file.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body) { offsets.Add(file.Position); Text(body); }

        Text("%PDF-1.7\n%\u00e2\u00e3\n");
        Object("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Object("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        Object("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        var padding = new byte[megabytes * 1024 * 1024];
        new Random(42).NextBytes(padding);
        Object($"4 0 obj\n<< /Length {padding.Length} >>\nstream\n");
        file.Write(padding);
        Text("\nendstream\nendobj\n");
        var xref = file.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Text($"{offset:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }
}
