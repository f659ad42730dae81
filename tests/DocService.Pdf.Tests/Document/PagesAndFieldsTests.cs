using DocService.Pdf.Objects;
using DocService.Pdf.Tests.CrossReference;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Document;

public class PagesAndFieldsTests
{
    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Pages_inherit_media_box_and_rotation_from_the_page_tree(string flavour)
    {
        var pages = TestPdf.Open(XrefFlavourTests.Build(flavour)).Pages;

        pages.Count.ShouldBe(2);
        pages[0].Id.ShouldBe(new ObjectId(3, 0));
        pages[0].MediaBox.ShouldBe(new PdfRectangle(0, 0, 595.28, 841.89));
        pages[0].Rotate.ShouldBe(90);
        pages[1].MediaBox.ShouldBe(new PdfRectangle(0, 0, 842, 595));
        pages[1].Rotate.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Fields_have_full_names_inherited_types_values_and_widgets(string flavour)
    {
        var fields = TestPdf.Open(XrefFlavourTests.Build(flavour)).Fields;

        fields.Select(f => f.FullName).ShouldBe(["so.ngay", "Leader"]);

        var date = fields[0];
        date.FieldType.ShouldBe("Tx");
        date.Value.ShouldBe(new PdfString("15/QD-UBND"u8));
        date.Widgets.ShouldHaveSingleItem().ShouldBe(new DocService.Pdf.Document.PdfWidget(new ObjectId(9, 0), new PdfRectangle(10, 10, 110, 30), new ObjectId(8, 0)));

        var signature = fields[1];
        signature.IsSignature.ShouldBeTrue();
        signature.IsSigned.ShouldBeFalse();
        signature.Widgets.ShouldHaveSingleItem().Page.ShouldBe(new ObjectId(3, 0));
    }

    [Fact]
    public void A_page_tree_that_loops_is_reported_not_followed_forever()
    {
        var bytes = new TestPdfBuilder()
            .Object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .Object(3, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
            .BuildWithTable();

        Should.Throw<PdfSyntaxException>(() => TestPdf.Open(bytes).Pages);
    }

    [Fact]
    public void A_document_without_acroform_has_no_fields()
    {
        var bytes = new TestPdfBuilder()
            .Object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Object(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .BuildWithTable();

        TestPdf.Open(bytes).Fields.ShouldBeEmpty();
    }
}
