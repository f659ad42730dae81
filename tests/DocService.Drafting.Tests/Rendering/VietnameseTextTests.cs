using System.Text;
using System.Text.RegularExpressions;
using DocService.Drafting.Model;
using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

/// <summary>Text read back by two independent extractors must be the input, letter for letter.</summary>
public class VietnameseTextTests
{
    static readonly string[] Expected =
    [
        "Ủy ban nhân dân tỉnh Nghệ An",
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "QUYẾT ĐỊNH",
        "Quyết định này có hiệu lực kể từ ngày ký",
        "Điều 1.",
        "Điều 3.",
        "Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;",
        "Nơi nhận:",
        "- Lưu: VT, NC.",
        "Nguyễn Văn An",
    ];

    static readonly Rendered Decision = Rendered.From(SampleDrafts.QuyetDinh());

    [Fact]
    public void PdfPig_reads_back_the_exact_Vietnamese_text()
    {
        var text = Decision.Text();

        text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        foreach (var expected in Expected) text.ShouldContain(expected);
    }

    [Fact]
    public void Pdftotext_reads_back_the_exact_Vietnamese_text()
    {
        var pdf = Decision.SaveAs("text-quyet-dinh");

        var result = ExternalTool.Run("pdftotext", "-enc", "UTF-8", pdf, "-");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var text = Regex.Replace(result.StdOut, @"\s+", " ");
        foreach (var expected in Expected) text.ShouldContain(expected);
        // The notation is drawn by the number field until issue; a viewer shows it all the same.
        text.ShouldContain("/QĐ-UBND");
    }

    [Fact]
    public void Decomposed_input_renders_exactly_like_composed_input()
    {
        var composed = SampleDrafts.QuyetDinh();
        var body = (DecisionBody)composed.Body;
        var decomposed = composed with
        {
            Organ = new Organ(Nfd(composed.Organ.Name)),
            Subject = Nfd(composed.Subject),
            Place = Nfd(composed.Place),
            Body = body with
            {
                IssuingAuthority = Nfd(body.IssuingAuthority),
                LegalBases = body.LegalBases.Select(Nfd).ToList(),
                Articles = body.Articles.Select(a => new Article(a.Paragraphs.Select(Nfd).ToList())).ToList(),
            },
            Signer = composed.Signer with { Position = Nfd(composed.Signer.Position), FullName = Nfd(composed.Signer.FullName) },
        };
        Nfd(composed.Subject).ShouldNotBe(composed.Subject);

        var fromComposed = Rendered.From(composed);
        var fromDecomposed = Rendered.From(decomposed);

        fromDecomposed.Text().ShouldBe(fromComposed.Text());
        fromDecomposed.Result.ShouldBeEquivalentTo(fromComposed.Result);
        var positions = fromComposed.Lines().SelectMany(p => p).Select(r => (r.Left, r.Baseline)).ToList();
        fromDecomposed.Lines().SelectMany(p => p).Select(r => (r.Left, r.Baseline)).ToList().ShouldBe(positions);
    }

    static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);
}
