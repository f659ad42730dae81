using DocService.Drafting.Fields;
using DocService.Drafting.Model;
using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

public class DocumentTypeTests
{
    public static TheoryData<DocumentType> Types => new(Enum.GetValues<DocumentType>());

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_document_type_renders_with_its_title_and_four_fields(DocumentType type)
    {
        var rendered = Rendered.From(TestDrafts.Of(type));
        var page1 = rendered.Lines()[0].Select(r => r.Text).ToList();

        rendered.Result.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        rendered.Result.Fields.Keys.ShouldBe(
            [DraftFieldNames.Number, DraftFieldNames.Date, DraftFieldNames.Signer, DraftFieldNames.Organisation], ignoreOrder: true);
        if (type == DocumentType.CongVan)
        {
            string.Join(" ", page1).ShouldContain("V/v Triển khai văn bản điện tử năm 2025");
            page1.ShouldNotContain(t => t == "CÔNG VĂN");
        }
        else
        {
            page1.ShouldContain(type.VietnameseName().ToUpperInvariant());
            page1.ShouldContain("Triển khai văn bản điện tử năm 2025");
        }
        if (type.IsAddressed()) page1.ShouldContain(t => t.StartsWith("Kính gửi:") && t.Contains("Ủy ban nhân dân các xã, phường."));
        else page1.ShouldNotContain(t => t.StartsWith("Kính gửi"));
    }

    [Fact]
    public void A_decision_prints_its_bases_in_italics_then_the_articles()
    {
        var rendered = Rendered.From(SampleDrafts.QuyetDinh());
        var lines = rendered.Lines().SelectMany(p => p).ToList();

        var basis = lines.First(r => r.Text.StartsWith("Căn cứ Luật Tổ chức chính quyền địa phương"));
        basis.Letters.ShouldAllBe(l => (l.FontName ?? "").Contains("Italic"));
        var heading = lines.FindIndex(r => r.Text == "QUYẾT ĐỊNH:");
        heading.ShouldBeGreaterThan(lines.IndexOf(basis));
        for (var article = 1; article <= 3; article++)
        {
            var line = lines.FindIndex(r => r.Text.StartsWith($"Điều {article}."));
            line.ShouldBeGreaterThan(heading);
            lines[line].Letters.Take($"Điều{article}.".Length).ShouldAllBe(l => (l.FontName ?? "").Contains("Bold"));
        }
    }

    [Fact]
    public void Urgency_and_confidentiality_marks_are_printed_under_the_number()
    {
        var rendered = Rendered.From(SampleDrafts.CongVan() with { Urgency = Urgency.Immediate, Confidentiality = Confidentiality.Secret });
        var page1 = rendered.Lines()[0];
        var number = rendered.Result.Fields[DraftFieldNames.Number].Rect;

        page1.Single(r => r.Text == "HỎA TỐC").Top.ShouldBeLessThan(number.Bottom);
        page1.Single(r => r.Text == "TỐI MẬT").Top.ShouldBeLessThan(number.Bottom);
    }
}
