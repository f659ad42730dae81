using System.Text;

namespace DocService.Signing.Tests.Support;

/// <summary>Small PDFs with a classic xref table, written here so each test knows its input.</summary>
public static class TestPdfs
{
    /// <summary>One A4 page with a line of text; <paramref name="rotate"/> sets the page's /Rotate.</summary>
    public static byte[] Simple(string text = "Quyet dinh so 01", int rotate = 0) => Build(text, rotate, [], (595, 842));

    /// <summary>One page with empty signature fields of the given names, as a drafted document has.</summary>
    public static byte[] WithEmptySignatureFields(params string[] names) => Build("Document with fields", 0, names, (595, 842));

    /// <summary>A small page to be used as a signature appearance.</summary>
    public static byte[] Appearance(string text = "Signed by Nguyen Van An") => Build(text, 0, [], (200, 60));

    static byte[] Build(string text, int rotate, string[] fieldNames, (int Width, int Height) size)
    {
        var content = $"BT /F1 12 Tf 10 20 Td ({text}) Tj ET";
        var objects = new List<string>();
        var firstField = 6;
        var fieldRefs = string.Join(" ", fieldNames.Select((_, i) => $"{firstField + i} 0 R"));
        objects.Add(fieldNames.Length == 0
            ? "<< /Type /Catalog /Pages 2 0 R >>"
            : $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{fieldRefs}] >> >>");
        objects.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size.Width} {size.Height}] /Rotate {rotate} " +
                    $"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R{(fieldNames.Length > 0 ? $" /Annots [{fieldRefs}]" : "")} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        objects.AddRange(fieldNames.Select((name, i) =>
            $"<< /Type /Annot /Subtype /Widget /FT /Sig /T ({name}) /F 4 /Rect [{50 + 160 * i} 100 {200 + 160 * i} 160] /P 3 0 R >>"));

        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /ID [<0102030405060708> <0102030405060708>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
