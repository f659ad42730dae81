using DocService.Pdf.Document;
using DocService.Pdf.Forms;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.CrossReference;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Forms;

/// <summary>
/// Uploaded PDFs get the issue fields (number, date, signer, organisation) before any signature,
/// because a certification with DocMDP P=2 permits filling and signing existing fields only.
/// </summary>
public class FormFieldAdderTests
{
    static readonly NewFormField[] IssueFields =
    [
        new("number", FormFieldKind.Text, 0, new PdfRectangle(100, 760, 140, 776), new TextFieldStyle(StandardFont.TimesRoman, 13, TextAlignment.Centre)),
        new("date", FormFieldKind.Text, 0, new PdfRectangle(380, 760, 540, 776), new TextFieldStyle(StandardFont.TimesItalic, 14)),
        new("signer", FormFieldKind.Signature, 0, new PdfRectangle(340, 120, 482, 205)),
        new("organisation", FormFieldKind.Signature, 0, new PdfRectangle(285, 112, 387, 214)),
    ];

    /// <summary>One A4 page, no form, as a word processor exports it.</summary>
    static byte[] WithoutForm() => new TestPdfBuilder()
        .Object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>")
        .Object(4, "<< /Length 25 >>\nstream\nBT /F1 12 Tf (Hi) Tj ET\n\nendstream")
        .BuildWithTable();

    /// <summary>A form whose /AcroForm, /Fields, /DR and the page's /Annots are all separate objects.</summary>
    static byte[] WithIndirectForm() => new TestPdfBuilder()
        .Object(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R >>")
        .Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots 6 0 R >>")
        .Object(5, "<< /Fields 7 0 R /DR 8 0 R /DA (/Helv 0 Tf 0 g) >>")
        .Object(6, "[]")
        .Object(7, "[]")
        .Object(8, "<< /Font << /Helv 9 0 R >> >>")
        .Object(9, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        .BuildWithTable();

    static (byte[] Output, PdfDocument Reopened, DocService.Pdf.Writing.IncrementalUpdateResult Result) AddTo(byte[] original, IReadOnlyList<NewFormField>? fields = null)
    {
        using var output = new MemoryStream();
        var result = FormFieldAdder.Add(TestPdf.Open(original), fields ?? IssueFields, output);
        var bytes = output.ToArray();
        return (bytes, TestPdf.Open(bytes), result);
    }

    [Fact]
    public void Fields_are_added_to_a_pdf_without_a_form_in_a_new_revision()
    {
        var original = WithoutForm();

        var (output, reopened, _) = AddTo(original);

        output.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue("the original is a byte-exact prefix");
        reopened.Revisions.Count.ShouldBe(2);
        var fields = reopened.Fields.ToDictionary(f => f.FullName);
        fields.Keys.ShouldBe(["number", "date", "signer", "organisation"]);
        fields["number"].FieldType.ShouldBe("Tx");
        fields["date"].FieldType.ShouldBe("Tx");
        fields["signer"].IsSignature.ShouldBeTrue();
        fields["organisation"].IsSignature.ShouldBeTrue();
        fields.Values.ShouldAllBe(f => f.Value == null);
        foreach (var expected in IssueFields)
        {
            var widget = fields[expected.Name].Widgets.ShouldHaveSingleItem();
            widget.Rect.ShouldBe(expected.Rect);
            widget.Page.ShouldBe(reopened.Pages[0].Id);
        }
        var annotations = reopened.Get<PdfArray>(reopened.Pages[0].Dictionary, new PdfName("Annots")).ShouldNotBeNull();
        annotations.Cast<PdfReference>().Select(r => r.Id).ShouldBe(fields.Values.Select(f => f.Id!.Value), ignoreOrder: true);
    }

    [Fact]
    public void Text_fields_name_fonts_the_form_provides_and_every_widget_has_an_empty_appearance()
    {
        var (_, reopened, _) = AddTo(WithoutForm());

        var form = reopened.Get<PdfDictionary>(reopened.Catalog, PdfName.AcroForm).ShouldNotBeNull();
        form["DA"].ShouldBe(PdfString.FromText("/TiRo 13 Tf 0 g"));
        var fonts = reopened.Get<PdfDictionary>(reopened.Get<PdfDictionary>(form, new PdfName("DR"))!, new PdfName("Font")).ShouldNotBeNull();
        reopened.Get<PdfDictionary>(fonts, new PdfName("TiRo"))!["BaseFont"].ShouldBe(new PdfName("Times-Roman"));
        reopened.Get<PdfDictionary>(fonts, new PdfName("TiIt"))!["BaseFont"].ShouldBe(new PdfName("Times-Italic"));

        var number = reopened.Fields.Single(f => f.FullName == "number").Dictionary;
        number["DA"].ShouldBe(PdfString.FromText("/TiRo 13 Tf 0 g"));
        number["Q"].ShouldBe(new PdfInteger(1));
        number["F"].ShouldBe(new PdfInteger(4));
        var date = reopened.Fields.Single(f => f.FullName == "date").Dictionary;
        date["DA"].ShouldBe(PdfString.FromText("/TiIt 14 Tf 0 g"));
        date["Q"].ShouldBe(new PdfInteger(0));

        foreach (var field in reopened.Fields)
        {
            var appearance = reopened.Get<PdfDictionary>(field.Dictionary, new PdfName("AP")).ShouldNotBeNull();
            var normal = reopened.Resolve(appearance["N"]).ShouldBeOfType<PdfStream>();
            var box = PdfRectangle.From(normal.Dictionary["BBox"]).ShouldNotBeNull();
            var rect = field.Widgets[0].Rect!.Value;
            (box.Width, box.Height).ShouldBe((rect.Width, rect.Height));
        }
    }

    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Existing_fields_and_annotations_stay_and_the_section_keeps_the_files_flavour(string flavour)
    {
        var original = XrefFlavourTests.Build(flavour);
        var before = TestPdf.Open(original);

        var (output, reopened, _) = AddTo(original);

        reopened.LatestXrefKind.ShouldBe(before.LatestXrefKind);
        reopened.Fields.Select(f => f.FullName).ShouldBe(["so.ngay", "Leader", "number", "date", "signer", "organisation"]);
        var annotations = reopened.Get<PdfArray>(reopened.Pages[0].Dictionary, new PdfName("Annots")).ShouldNotBeNull();
        annotations[0].ShouldBe(new PdfReference(7, 0));
        annotations.Count.ShouldBe(5);
        Qpdf.Check(output).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void Qpdf_finds_the_result_clean()
    {
        var (output, _, _) = AddTo(WithoutForm());

        var check = Qpdf.Check(output);

        check.ExitCode.ShouldBe(0, check.Output);
    }

    [Fact]
    public void Arrays_and_resources_held_by_reference_are_replaced_in_their_own_objects()
    {
        var (_, reopened, result) = AddTo(WithIndirectForm());

        var replaced = result.ObjectOffsets.Keys.Where(id => id.Number < 10).Select(id => id.Number).Order().ToList();
        replaced.ShouldBe([6, 7, 8], "the Annots array, the Fields array and /DR; not the catalog, page or form");
        reopened.Fields.Count.ShouldBe(4);
        var fonts = reopened.Get<PdfDictionary>((PdfDictionary)reopened.GetObject(new ObjectId(8, 0)), new PdfName("Font")).ShouldNotBeNull();
        fonts.Keys.Select(k => k.Value).ShouldBe(["Helv", "TiRo", "TiIt"]);
        reopened.Get<PdfDictionary>(reopened.Catalog, PdfName.AcroForm)!["DA"].ShouldBe(PdfString.FromText("/Helv 0 Tf 0 g"), "an existing /DA is kept");
    }

    [Theory]
    [InlineData("Leader", FormFieldProblem.AlreadyExists)]
    [InlineData("so", FormFieldProblem.AlreadyExists)]
    [InlineData("so.ngay", FormFieldProblem.InvalidName)]
    [InlineData(" ", FormFieldProblem.InvalidName)]
    public void A_name_the_document_already_uses_or_a_dotted_name_is_refused(string name, FormFieldProblem problem)
    {
        var document = TestPdf.Open(XrefFlavourTests.Build("table"));
        using var output = new MemoryStream();

        var error = Should.Throw<FormFieldException>(() =>
            FormFieldAdder.Add(document, [new NewFormField(name, FormFieldKind.Signature, 0, new PdfRectangle(10, 10, 50, 50))], output));

        error.Problem.ShouldBe(problem);
        error.FieldName.ShouldBe(name);
        output.Length.ShouldBe(0, "nothing is written when a field is refused");
    }

    [Fact]
    public void The_same_name_twice_a_missing_page_and_a_rectangle_off_the_page_are_refused()
    {
        var document = TestPdf.Open(WithoutForm());
        var rect = new PdfRectangle(10, 10, 50, 50);

        Should.Throw<FormFieldException>(() => FormFieldAdder.Add(document,
            [new("x", FormFieldKind.Signature, 0, rect), new("x", FormFieldKind.Text, 0, rect)], Stream.Null)).Problem.ShouldBe(FormFieldProblem.AlreadyExists);
        Should.Throw<FormFieldException>(() => FormFieldAdder.Add(document,
            [new("x", FormFieldKind.Signature, 1, rect)], Stream.Null)).Problem.ShouldBe(FormFieldProblem.NoSuchPage);
        Should.Throw<FormFieldException>(() => FormFieldAdder.Add(document,
            [new("x", FormFieldKind.Signature, 0, new PdfRectangle(500, 800, 700, 900))], Stream.Null)).Problem.ShouldBe(FormFieldProblem.OutsidePage);
        Should.Throw<FormFieldException>(() => FormFieldAdder.Add(document,
            [new("x", FormFieldKind.Signature, 0, new PdfRectangle(10, 10, 10, 50))], Stream.Null)).Problem.ShouldBe(FormFieldProblem.OutsidePage);
    }
}
