using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

/// <summary>
/// Writes the samples as PDF and PNG (60 dpi) under the test output's "rendered" directory, so a
/// person can look at the layout; the assertions only check that poppler could rasterise them.
/// </summary>
public class SampleImageTests
{
    public static TheoryData<string> Samples => ["quyet-dinh", "cong-van"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_renders_to_a_png_per_page(string sample)
    {
        var rendered = Rendered.From(sample == "quyet-dinh" ? SampleDrafts.QuyetDinh() : SampleDrafts.CongVan());
        var pdf = rendered.SaveAs(sample);
        var prefix = Path.Combine(Rendered.OutputDirectory, sample);

        var result = ExternalTool.Run("pdftoppm", "-png", "-r", "60", pdf, prefix);

        result.ExitCode.ShouldBe(0, result.StdErr);
        var pngs = Directory.GetFiles(Rendered.OutputDirectory, $"{sample}-*.png");
        pngs.Length.ShouldBe(rendered.Result.PageCount);
        pngs.ShouldAllBe(png => new FileInfo(png).Length > 1000);
    }
}
