using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

/// <summary>
/// Streams are deflated by .NET's zlib after PDFsharp writes them plain (PDFsharp's own Flate
/// streams lack their end): the file stays small and every stream decodes to its end.
/// </summary>
public class CompressionTests
{
    [Fact]
    public void Font_streams_are_flate_compressed_and_every_stream_ends_properly()
    {
        var rendered = Rendered.From(SampleDrafts.QuyetDinh());
        var text = System.Text.Encoding.Latin1.GetString(rendered.Pdf);

        var fontFiles = System.Text.RegularExpressions.Regex.Matches(text, @"<<[^<>]*/Length1 [^<>]*>>");
        fontFiles.Count.ShouldBe(4, "regular, bold, italic and bold italic subsets");
        fontFiles.ShouldAllBe(m => m.Value.Contains("/FlateDecode"));

        var check = ExternalTool.Run("qpdf", "--check", rendered.SaveAs("compressed-quyet-dinh"));
        check.ExitCode.ShouldBe(0, check.StdOut + check.StdErr);
        check.StdErr.ShouldBeEmpty("qpdf warns about Flate streams that do not end properly");
    }

    [Fact]
    public void A_two_page_decision_is_well_under_100_KB()
    {
        var rendered = Rendered.From(SampleDrafts.QuyetDinh());

        rendered.Result.PageCount.ShouldBe(2);
        rendered.Pdf.Length.ShouldBeLessThan(100 * 1024, "four embedded font subsets, deflated");
    }

    [Fact]
    public void Xmp_metadata_stays_uncompressed_for_tools_that_scan_for_it()
    {
        var text = System.Text.Encoding.Latin1.GetString(Rendered.From(SampleDrafts.CongVan()).Pdf);

        text.ShouldContain("<x:xmpmeta");
    }
}
