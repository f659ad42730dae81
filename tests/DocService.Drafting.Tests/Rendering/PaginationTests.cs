using DocService.Drafting.Fields;
using DocService.Drafting.Tests.Support;

namespace DocService.Drafting.Tests.Rendering;

public class PaginationTests
{
    static double Mm(double mm) => mm * 72 / 25.4;
    static readonly double PageHeight = Mm(297);

    [Fact]
    public void Long_bodies_span_pages_numbered_from_the_second()
    {
        var rendered = Rendered.From(TestDrafts.WithLongBody(30));
        var pages = rendered.Lines();

        rendered.Result.PageCount.ShouldBeGreaterThanOrEqualTo(3);
        pages.Count.ShouldBe(rendered.Result.PageCount);
        pages[0].ShouldNotContain(r => r.Bottom > PageHeight - Mm(20));
        for (var page = 2; page <= pages.Count; page++)
        {
            var number = pages[page - 1].First();
            number.Text.ShouldBe(page.ToString());
            number.Bottom.ShouldBeGreaterThan(PageHeight - Mm(20));
            number.Centre.ShouldBe(Mm(30) + Mm(160) / 2, 1);
        }
    }

    [Fact]
    public void Every_line_of_a_long_body_is_printed_once_and_whole()
    {
        const int paragraphs = 30;
        var rendered = Rendered.From(TestDrafts.WithLongBody(paragraphs));

        var text = rendered.Text();

        CountOf(text, TestDrafts.Paragraph).ShouldBe(paragraphs);
    }

    /// <summary>
    /// Whatever the body length, the signature block lands whole on one page together with at least
    /// the end of the body — never alone at the top of a page, never split from its title.
    /// </summary>
    [Fact]
    public void Signature_block_is_never_split_nor_left_alone_on_a_page()
    {
        var sawBreak = false;
        for (var paragraphs = 1; paragraphs <= 14; paragraphs++)
        {
            var rendered = Rendered.From(TestDrafts.WithLongBody(paragraphs));
            var last = rendered.Lines()[^1];
            var signer = rendered.Result.Fields[DraftFieldNames.Signer];

            signer.Page.ShouldBe(rendered.Result.PageCount);
            rendered.Result.Fields[DraftFieldNames.Organisation].Page.ShouldBe(signer.Page);
            var position = last.Single(r => r.Text == "PHÓ GIÁM ĐỐC");
            last.ShouldContain(r => r.Text == "KT. GIÁM ĐỐC" && r.Bottom > position.Top);
            last.ShouldContain(r => r.Text == "Lê Thị Hương");
            last.ShouldContain(r => r.Text == "Nơi nhận:");
            var bodyAbove = last.Where(r => r.Bottom > position.Top + 20 && TestDrafts.Paragraph.Contains(r.Text)).ToList();
            bodyAbove.Count.ShouldBeGreaterThanOrEqualTo(1, $"{paragraphs} paragraphs: the signature block starts page {signer.Page} alone");
            sawBreak |= rendered.Result.PageCount > 1;
        }
        sawBreak.ShouldBeTrue("the bodies tried should include one that spills onto a second page");
    }

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
