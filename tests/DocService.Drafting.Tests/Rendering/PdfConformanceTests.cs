using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

/// <summary>Independent checkers on the rendered file: qpdf for structure, pdffonts for embedding.</summary>
public class PdfConformanceTests
{
    [Fact]
    public void Qpdf_finds_no_errors()
    {
        foreach (var (name, draft) in new[] { ("qpdf-quyet-dinh", SampleDrafts.QuyetDinh()), ("qpdf-cong-van", SampleDrafts.CongVan()), ("qpdf-long", TestDrafts.WithLongBody(30)) })
        {
            var pdf = Rendered.From(draft).SaveAs(name);

            var result = ExternalTool.Run("qpdf", "--check", pdf);

            result.ExitCode.ShouldBe(0, result.StdOut + result.StdErr);
            result.StdOut.ShouldContain("No syntax or stream encoding errors found");
            result.StdErr.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Page_fonts_are_embedded_Liberation_Serif_subsets()
    {
        var pdf = Rendered.From(SampleDrafts.QuyetDinh()).SaveAs("fonts-quyet-dinh");

        var result = ExternalTool.Run("pdffonts", pdf);

        result.ExitCode.ShouldBe(0, result.StdErr);
        var lines = result.StdOut.Split('\n');
        var fonts = lines.Skip(2).Where(l => l.Trim().Length > 0).Select(l => PdffontsRow.Parse(lines[1], l)).ToList();
        fonts.ShouldNotBeEmpty();
        foreach (var font in fonts)
        {
            font.Name.ShouldMatch(@"^[A-Z]{6}\+Liberation Serif");
            (font.Embedded, font.Subset, font.ToUnicode).ShouldBe(("yes", "yes", "yes"), font.Name);
        }
        fonts.Select(f => f.Name[7..]).Distinct().Count().ShouldBe(4, "regular, bold, italic and bold italic");
    }

    /// <summary>One row of pdffonts output; columns are fixed-width, as the dashed rule under the header shows.</summary>
    sealed record PdffontsRow(string Name, string Embedded, string Subset, string ToUnicode)
    {
        public static PdffontsRow Parse(string rule, string row)
        {
            var columns = new List<string>();
            var start = 0;
            foreach (var dashes in rule.Split(' '))
            {
                columns.Add(start < row.Length ? row.Substring(start, Math.Min(dashes.Length, row.Length - start)).Trim() : "");
                start += dashes.Length + 1;
            }
            return new PdffontsRow(columns[0], columns[3], columns[4], columns[5]);
        }
    }
}
