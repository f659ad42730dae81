using DocService.Drafting.Fields;
using DocService.Drafting.Model;
using DocService.Drafting.Rendering;
using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

/// <summary>Positions read back with PdfPig (points, origin bottom-left) against Phụ lục I.</summary>
public class LayoutTests
{
    const double Tolerance = 0.5;
    static double Mm(double mm) => mm * 72 / 25.4;
    static readonly double PageWidth = Mm(210);
    static readonly double PageHeight = Mm(297);

    static readonly Rendered Decision = Rendered.From(SampleDrafts.QuyetDinh());

    [Fact]
    public void Pages_are_A4_portrait()
    {
        using var document = Decision.Open();
        foreach (var page in document.GetPages())
        {
            page.Width.ShouldBe(PageWidth, 0.1);
            page.Height.ShouldBe(PageHeight, 0.1);
        }
    }

    [Fact]
    public void No_text_enters_the_margins()
    {
        foreach (var rendered in new[] { Decision, Rendered.From(SampleDrafts.CongVan()), Rendered.From(TestDrafts.WithLongBody(30)) })
            foreach (var (rows, index) in rendered.Lines().Select((rows, i) => (rows, i)))
                foreach (var row in rows.Where(r => !IsPageNumber(r, index + 1)))
                {
                    row.Left.ShouldBeGreaterThanOrEqualTo(Mm(30) - Tolerance, row.Text);
                    row.Right.ShouldBeLessThanOrEqualTo(PageWidth - Mm(20) + Tolerance, row.Text);
                    row.Top.ShouldBeLessThanOrEqualTo(PageHeight - Mm(20) + Tolerance, row.Text);
                    row.Bottom.ShouldBeGreaterThanOrEqualTo(Mm(20) - Tolerance, row.Text);
                }
    }

    [Fact]
    public void National_title_and_motto_are_centred_in_the_right_column()
    {
        var page1 = Decision.Lines()[0];
        var title = page1.Single(r => r.Text == HeaderBuilder.NationalTitle);
        var motto = page1.Single(r => r.Text == HeaderBuilder.Motto);
        var columnCentre = Columns.RightX + Columns.RightWidth / 2;

        title.Centre.ShouldBe(columnCentre, 1);
        motto.Centre.ShouldBe(columnCentre, 1);
        title.Baseline.ShouldBeGreaterThan(motto.Baseline);
        title.Left.ShouldBeGreaterThan(PageWidth / 2 - Mm(20));
        title.Top.ShouldBe(PageHeight - Mm(20), 3);
    }

    [Fact]
    public void Organ_name_sits_top_left_in_bold_capitals()
    {
        var page1 = Decision.Lines()[0];
        var organ = page1.Where(r => r.Right < Columns.RightX).Take(2).ToList();

        string.Join(" ", organ.Select(r => r.Text)).ShouldBe("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN");
        organ.ShouldAllBe(r => r.Letters.All(l => (l.FontName ?? "").Contains("Bold")));
        organ[0].Top.ShouldBe(PageHeight - Mm(20), 3);
    }

    [Fact]
    public void Number_field_is_under_the_organ_name_and_the_date_field_under_the_motto()
    {
        var page1 = Decision.Lines()[0];
        var organ = page1.Last(r => r.Text == "TỈNH NGHỆ AN");
        var motto = page1.Single(r => r.Text == HeaderBuilder.Motto);
        var number = Decision.Result.Fields[DraftFieldNames.Number];
        var date = Decision.Result.Fields[DraftFieldNames.Date];

        number.Page.ShouldBe(1);
        number.Rect.Top.ShouldBeLessThan(organ.Bottom);
        number.Rect.Left.ShouldBeGreaterThan(Mm(30));
        number.Rect.Right.ShouldBeLessThan(Columns.RightX);
        var label = page1.Single(r => r.Text == "Số:");
        label.Baseline.ShouldBeInRange(number.Rect.Bottom, number.Rect.Top);
        label.Right.ShouldBeLessThanOrEqualTo(number.Rect.Left + Tolerance);
        // The notation is the field's until issue, so the issued number can run straight into it.
        page1.ShouldNotContain(r => r.Text.Contains("QĐ-UBND"));

        date.Page.ShouldBe(1);
        date.Rect.Top.ShouldBeLessThan(motto.Bottom);
        date.Rect.Left.ShouldBeGreaterThan(Columns.RightX);
        date.Rect.Right.ShouldBeLessThanOrEqualTo(PageWidth - Mm(20));
        var place = page1.Single(r => r.Text == "Nghệ An,");
        place.Baseline.ShouldBeInRange(date.Rect.Bottom, date.Rect.Top);
        place.Letters.ShouldAllBe(l => (l.FontName ?? "").Contains("Italic"));
    }

    [Fact]
    public void Signer_block_is_on_the_right_half_with_the_signature_between_position_and_name()
    {
        var last = Decision.Lines()[^1];
        var position = last.Single(r => r.Text == "CHỦ TỊCH");
        var name = last.Single(r => r.Text == "Nguyễn Văn An");
        var signer = Decision.Result.Fields[DraftFieldNames.Signer];

        foreach (var row in last.Where(r => r.Text is "TM. ỦY BAN NHÂN DÂN" or "CHỦ TỊCH" or "Nguyễn Văn An"))
            row.Left.ShouldBeGreaterThan(PageWidth / 2, row.Text);
        signer.Page.ShouldBe(Decision.Result.PageCount);
        signer.Rect.Top.ShouldBeLessThanOrEqualTo(position.Bottom);
        signer.Rect.Bottom.ShouldBeGreaterThanOrEqualTo(name.Top);
        ((signer.Rect.Left + signer.Rect.Right) / 2).ShouldBe(name.Centre, 1);
    }

    [Fact]
    public void Seal_field_overlaps_the_left_third_of_the_signature()
    {
        var signer = Decision.Result.Fields[DraftFieldNames.Signer].Rect;
        var seal = Decision.Result.Fields[DraftFieldNames.Organisation].Rect;

        seal.Right.ShouldBe(signer.Left + signer.Width / 3, 0.5);
        seal.Left.ShouldBeLessThan(signer.Left);
        ((seal.Top + seal.Bottom) / 2).ShouldBe((signer.Top + signer.Bottom) / 2, 0.5);
        seal.Left.ShouldBeGreaterThan(Mm(30));
    }

    [Fact]
    public void Recipients_list_starts_level_with_the_signer_block_on_the_left()
    {
        var last = Decision.Lines()[^1];
        var heading = last.Single(r => r.Text == "Nơi nhận:");
        var competence = last.Single(r => r.Text == "TM. ỦY BAN NHÂN DÂN");

        heading.Left.ShouldBe(Mm(30), 1);
        heading.Top.ShouldBe(competence.Top, 4);
        heading.Letters.ShouldAllBe(l => (l.FontName ?? "").Contains("BoldItalic"));
        last.Select(r => r.Text).ShouldContain("- Lưu: VT, NC.");
        last.Where(r => r.Text.StartsWith("- ")).ShouldAllBe(r => r.Right < PageWidth / 2);
    }

    [Fact]
    public void Long_organ_names_wrap_within_the_left_column()
    {
        const string name = "Trung tâm Công nghệ thông tin và Truyền thông thuộc Sở Khoa học và Công nghệ tỉnh Nghệ An";
        var rendered = Rendered.From(SampleDrafts.QuyetDinh() with { Organ = new Organ(name, "Ủy ban nhân dân tỉnh Nghệ An") });

        var header = rendered.Lines()[0].Where(r => r.Right < Columns.RightX && r.Letters.All(l => (l.FontName ?? "").Contains("Bold"))).ToList();
        var organ = header.TakeWhile(r => !r.Text.StartsWith("Số")).ToList();

        organ.Count.ShouldBeGreaterThanOrEqualTo(2);
        string.Join(" ", organ.Select(r => r.Text)).ShouldBe(name.ToUpperInvariant());
        organ.ShouldAllBe(r => r.Left >= Mm(30) - Tolerance && r.Right <= Columns.RightX);
        rendered.Result.Fields[DraftFieldNames.Number].Rect.Top.ShouldBeLessThan(organ[^1].Bottom);
    }

    [Fact]
    public void Body_paragraphs_are_justified_with_a_first_line_indent()
    {
        var rendered = Rendered.From(TestDrafts.Of(DocumentType.BaoCao, paragraphs: 3));
        var body = rendered.Lines()[0].Where(r => r.Text.Length > 0 && TestDrafts.Paragraph.Contains(r.Text)).ToList();

        body.Count.ShouldBeGreaterThanOrEqualTo(9);
        var firstLines = body.Where(r => TestDrafts.Paragraph.StartsWith(r.Text)).ToList();
        firstLines.Count.ShouldBe(3);
        firstLines.ShouldAllBe(r => Math.Abs(r.Left - Mm(30) - Mm(12.7)) < 1);
        var fullLines = body.Where(r => !firstLines.Contains(r) && !TestDrafts.Paragraph.EndsWith(r.Text)).ToList();
        fullLines.ShouldNotBeEmpty();
        fullLines.ShouldAllBe(r => Math.Abs(r.Left - Mm(30)) < 1 && Math.Abs(r.Right - (PageWidth - Mm(20))) < 1.5);
    }

    static bool IsPageNumber(TextRow row, int page) =>
        page > 1 && row.Text == page.ToString() && row.Bottom > PageHeight - Mm(20);
}
