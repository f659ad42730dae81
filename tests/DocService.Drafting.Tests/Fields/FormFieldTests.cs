using DocService.Drafting.Fields;
using DocService.Drafting.Tests.Support;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;

namespace DocService.Drafting.Tests.Fields;

/// <summary>
/// The number, date and both signature fields must exist, empty, before the leader signs: DocMDP
/// P=2 lets the clerk fill and sign existing fields but not add new ones.
/// </summary>
public class FormFieldTests
{
    static readonly Rendered Decision = Rendered.From(SampleDrafts.QuyetDinh());

    static AcroForm FormOf(UglyToad.PdfPig.PdfDocument document)
    {
        document.TryGetForm(out var form).ShouldBeTrue("the catalog has an /AcroForm");
        return form;
    }

    [Fact]
    public void The_four_fields_exist_with_the_right_types_and_are_empty()
    {
        using var document = Decision.Open();
        var fields = FormOf(document).Fields.ToDictionary(f => f.Information.PartialName!);

        fields.Keys.ShouldBe([DraftFieldNames.Number, DraftFieldNames.Date, DraftFieldNames.Signer, DraftFieldNames.Organisation], ignoreOrder: true);
        fields[DraftFieldNames.Number].FieldType.ShouldBe(AcroFieldType.Text);
        fields[DraftFieldNames.Date].FieldType.ShouldBe(AcroFieldType.Text);
        fields[DraftFieldNames.Signer].FieldType.ShouldBe(AcroFieldType.Signature);
        fields[DraftFieldNames.Organisation].FieldType.ShouldBe(AcroFieldType.Signature);
        ((AcroTextField)fields[DraftFieldNames.Number]).Value.ShouldBeNullOrEmpty();
        ((AcroTextField)fields[DraftFieldNames.Date]).Value.ShouldBeNullOrEmpty();
        foreach (var field in fields.Values) field.Dictionary.ContainsKey(NameToken.V).ShouldBeFalse(field.Information.PartialName);
    }

    [Fact]
    public void Fields_sit_where_the_render_result_says()
    {
        using var document = Decision.Open();
        var fields = FormOf(document).Fields.ToDictionary(f => f.Information.PartialName!);

        foreach (var (name, placement) in Decision.Result.Fields)
        {
            var field = fields[name];
            field.PageNumber.ShouldBe(placement.Page, name);
            var bounds = field.Bounds!.Value;
            bounds.Left.ShouldBe(placement.Rect.Left, 0.01, name);
            bounds.Bottom.ShouldBe(placement.Rect.Bottom, 0.01, name);
            bounds.Right.ShouldBe(placement.Rect.Right, 0.01, name);
            bounds.Top.ShouldBe(placement.Rect.Top, 0.01, name);
        }
        Decision.Result.Fields[DraftFieldNames.Number].Kind.ShouldBe(FieldKind.Text);
        Decision.Result.Fields[DraftFieldNames.Organisation].Kind.ShouldBe(FieldKind.Signature);
    }

    [Fact]
    public void Widgets_are_printable_page_annotations_with_their_own_empty_appearance()
    {
        using var document = Decision.Open();
        var form = FormOf(document);

        form.Dictionary.TryGet(NameToken.NeedAppearances, out BooleanToken needAppearances).ShouldBeTrue();
        needAppearances.Data.ShouldBeFalse();
        form.Dictionary.TryGet(NameToken.Dr, out DictionaryToken resources).ShouldBeTrue();
        resources.TryGet(NameToken.Font, out DictionaryToken fonts).ShouldBeTrue();
        fonts.Data.Keys.ShouldBe(["TiRo", "TiIt"], ignoreOrder: true);

        foreach (var field in form.Fields)
        {
            var name = field.Information.PartialName;
            field.Dictionary.TryGet(NameToken.F, out NumericToken flags).ShouldBeTrue(name);
            (flags.Int & 4).ShouldBe(4, $"{name} prints");
            field.Dictionary.ContainsKey(NameToken.P).ShouldBeTrue(name);
            field.Dictionary.ContainsKey(NameToken.Ap).ShouldBeTrue(name);
            if (field.FieldType == AcroFieldType.Text)
            {
                field.Dictionary.TryGet(NameToken.Da, out StringToken da).ShouldBeTrue(name);
                da.Data.ShouldMatch(@"^/Ti(Ro|It) \d+(\.\d+)? Tf 0 g$");
            }
            var page = document.GetPage(field.PageNumber!.Value);
            page.GetAnnotations().ShouldContain(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget
                && Math.Abs(a.Rectangle.Left - field.Bounds!.Value.Left) < 0.01 && Math.Abs(a.Rectangle.Top - field.Bounds.Value.Top) < 0.01, name);
        }
    }

    [Fact]
    public void Fields_are_reported_on_the_page_the_signature_block_lands_on()
    {
        var rendered = Rendered.From(TestDrafts.WithLongBody(30));

        rendered.Result.Fields[DraftFieldNames.Number].Page.ShouldBe(1);
        rendered.Result.Fields[DraftFieldNames.Date].Page.ShouldBe(1);
        rendered.Result.Fields[DraftFieldNames.Signer].Page.ShouldBe(rendered.Result.PageCount);
        rendered.Result.Fields[DraftFieldNames.Organisation].Page.ShouldBe(rendered.Result.PageCount);
        using var document = rendered.Open();
        FormOf(document).GetFieldsForPage(rendered.Result.PageCount).Select(f => f.Information.PartialName)
            .ShouldBe([DraftFieldNames.Signer, DraftFieldNames.Organisation], ignoreOrder: true);
    }
}
