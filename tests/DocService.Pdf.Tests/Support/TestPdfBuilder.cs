using System.IO.Compression;
using System.Text;

namespace DocService.Pdf.Tests.Support;

/// <summary>
/// Writes small but complete PDFs in each cross-reference flavour, so the reader and the writer
/// are tested on bytes whose every offset we know.
/// </summary>
internal sealed class TestPdfBuilder
{
    private readonly SortedDictionary<int, string> _objects = [];

    public TestPdfBuilder Object(int number, string body)
    {
        _objects[number] = body;
        return this;
    }

    /// <summary>Catalog, page tree with inherited MediaBox, two pages, a content stream, a text field and an empty signature field.</summary>
    public static TestPdfBuilder MinimalDocument() => new TestPdfBuilder()
        .Object(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R 7 0 R] >> >>")
        .Object(2, "<< /Type /Pages /Kids [3 0 R 8 0 R] /Count 2 /MediaBox [0 0 595.28 841.89] /Rotate 90 >>")
        .Object(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Annots [7 0 R] >>")
        .Object(4, "<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf (Xin chao) Tj ET\nendstream")
        .Object(5, "29")
        .Object(6, "<< /T (so) /FT /Tx /V (15/QD-UBND) /Kids [9 0 R] >>")
        .Object(7, "<< /T (Leader) /FT /Sig /Type /Annot /Subtype /Widget /Rect [300 100 500 160] /P 3 0 R /Ff 0 >>")
        .Object(8, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Rotate 0 >>")
        .Object(9, "<< /T (ngay) /Parent 6 0 R /Type /Annot /Subtype /Widget /Rect [10 10 110 30] /P 8 0 R >>");

    public byte[] BuildWithTable(string extraTrailer = "")
    {
        var pdf = new PdfText();
        var offsets = WriteObjects(pdf, _objects.Keys);
        var xref = pdf.Position;
        pdf.Append($"xref\n0 {MaxNumber + 1}\n0000000000 65535 f \n");
        for (var n = 1; n <= MaxNumber; n++)
            pdf.Append(offsets.TryGetValue(n, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 00001 f \n");
        pdf.Append($"trailer\n<< /Size {MaxNumber + 1} /Root 1 0 R /ID [<0102> <0304>] {extraTrailer}>>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An xref stream (Flate + PNG Up predictor); objects in <paramref name="compressed"/> go into an object stream.</summary>
    public byte[] BuildWithXrefStream(IReadOnlyCollection<int> compressed)
    {
        var pdf = new PdfText();
        var direct = _objects.Keys.Except(compressed).ToList();
        var offsets = WriteObjects(pdf, direct);
        var objectStream = MaxNumber + 1;
        var xrefNumber = MaxNumber + 2;
        var rows = new List<(int Type, long Field2, int Field3)> { (0, 0, 65535) };
        offsets[objectStream] = WriteObjectStream(pdf, objectStream, compressed);
        offsets[xrefNumber] = pdf.Position;
        var compressedIndex = compressed.Order().Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        for (var n = 1; n <= xrefNumber; n++)
        {
            rows.Add(offsets.TryGetValue(n, out var at) ? (1, at, 0)
                : compressedIndex.TryGetValue(n, out var index) ? (2, objectStream, index) : (0, 0, 1));
        }
        var data = Deflate(PngUp(EncodeRows(rows), 7));
        pdf.Append($"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 2] /Root 1 0 R /ID [<0102> <0304>] " +
                   $"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length {data.Length} >>\nstream\n");
        pdf.Append(data);
        pdf.Append($"\nendstream\nendobj\nstartxref\n{offsets[xrefNumber]}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A classic table for direct objects whose trailer's /XRefStm lists the objects in an object stream.</summary>
    public byte[] BuildHybrid(IReadOnlyCollection<int> compressed)
    {
        var pdf = new PdfText();
        var direct = _objects.Keys.Except(compressed).ToList();
        var offsets = WriteObjects(pdf, direct);
        var objectStream = MaxNumber + 1;
        var xrefNumber = MaxNumber + 2;
        offsets[objectStream] = WriteObjectStream(pdf, objectStream, compressed);

        var hiddenRows = compressed.Order().Select((n, i) => (2, (long)objectStream, i)).ToList();
        var first = compressed.Min();
        var streamOffset = pdf.Position;
        var data = EncodeRows(hiddenRows);
        pdf.Append($"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 2] /Index [{first} {compressed.Count}] /Length {data.Length} >>\nstream\n");
        pdf.Append(data);
        pdf.Append("\nendstream\nendobj\n");

        var xref = pdf.Position;
        pdf.Append($"xref\n0 {objectStream + 1}\n0000000000 65535 f \n");
        for (var n = 1; n <= objectStream; n++)
            pdf.Append(offsets.TryGetValue(n, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 00001 f \n");
        pdf.Append($"trailer\n<< /Size {xrefNumber + 1} /Root 1 0 R /XRefStm {streamOffset} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private int MaxNumber => _objects.Keys.Max();

    private Dictionary<int, long> WriteObjects(PdfText pdf, IEnumerable<int> numbers)
    {
        pdf.Append("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new Dictionary<int, long>();
        foreach (var n in numbers)
        {
            offsets[n] = pdf.Position;
            pdf.Append($"{n} 0 obj\n{_objects[n]}\nendobj\n");
        }
        return offsets;
    }

    private long WriteObjectStream(PdfText pdf, int number, IReadOnlyCollection<int> members)
    {
        var header = new StringBuilder();
        var body = new StringBuilder();
        foreach (var n in members.Order())
        {
            header.Append($"{n} {body.Length} ");
            body.Append(_objects[n]).Append('\n');
        }
        var content = Deflate(Encoding.Latin1.GetBytes(header.ToString() + body));
        var offset = pdf.Position;
        pdf.Append($"{number} 0 obj\n<< /Type /ObjStm /N {members.Count} /First {header.Length} /Filter /FlateDecode /Length {content.Length} >>\nstream\n");
        pdf.Append(content);
        pdf.Append("\nendstream\nendobj\n");
        return offset;
    }

    private static byte[] EncodeRows(IEnumerable<(int Type, long Field2, int Field3)> rows) =>
        rows.SelectMany(r => new[]
        {
            (byte)r.Type, (byte)(r.Field2 >> 24), (byte)(r.Field2 >> 16), (byte)(r.Field2 >> 8), (byte)r.Field2,
            (byte)(r.Field3 >> 8), (byte)r.Field3,
        }).ToArray();

    /// <summary>PNG "Up" filter on every row, the way Acrobat writes xref streams.</summary>
    private static byte[] PngUp(byte[] data, int columns)
    {
        var output = new List<byte>();
        for (var row = 0; row < data.Length / columns; row++)
        {
            output.Add(2);
            for (var i = 0; i < columns; i++)
            {
                var above = row == 0 ? 0 : data[(row - 1) * columns + i];
                output.Add((byte)(data[row * columns + i] - above));
            }
        }
        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal))
            zlib.Write(data);
        return buffer.ToArray();
    }
}

/// <summary>Accumulates Latin-1 text and binary parts while tracking the byte position.</summary>
internal sealed class PdfText
{
    private readonly MemoryStream _bytes = new();

    public long Position => _bytes.Length;

    public void Append(string text) => _bytes.Write(Encoding.Latin1.GetBytes(text));

    public void Append(byte[] data) => _bytes.Write(data);

    public byte[] ToArray() => _bytes.ToArray();
}
