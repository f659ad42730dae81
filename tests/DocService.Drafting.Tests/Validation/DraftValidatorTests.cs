using System.Text;
using DocService.Drafting.Model;
using DocService.Drafting.Tests.Support;
using DocService.Drafting.Validation;

namespace DocService.Drafting.Tests.Validation;

public class DraftValidatorTests
{
    static readonly Draft Valid = SampleDrafts.QuyetDinh();

    static DraftValidationException Rejects(Draft draft) =>
        Should.Throw<DraftValidationException>(() => DraftValidator.Normalise(draft));

    [Fact]
    public void The_samples_are_valid()
    {
        DraftValidator.Normalise(SampleDrafts.QuyetDinh()).ShouldNotBeNull();
        DraftValidator.Normalise(SampleDrafts.CongVan()).ShouldNotBeNull();
    }

    [Fact]
    public void Missing_organ_name_names_the_field() =>
        Rejects(Valid with { Organ = new Organ("  ") }).Field.ShouldBe("organ.name");

    [Fact]
    public void Missing_subject_names_the_field() =>
        Rejects(Valid with { Subject = "" }).Field.ShouldBe("subject");

    [Fact]
    public void Missing_signer_name_names_the_field() =>
        Rejects(Valid with { Signer = Valid.Signer with { FullName = "" } }).Field.ShouldBe("signer.fullName");

    [Fact]
    public void Over_long_organ_name_names_the_field_and_the_limit()
    {
        var error = Rejects(Valid with { Organ = new Organ(new string('a', DraftLimits.OrganName + 1)) });
        error.Field.ShouldBe("organ.name");
        error.Reason.ShouldContain(DraftLimits.OrganName.ToString());
    }

    [Fact]
    public void Over_long_paragraph_names_its_position()
    {
        var draft = TestDrafts.Of(DocumentType.BaoCao) with
        {
            Body = new ProseBody(["ngắn", new string('x', DraftLimits.Paragraph + 1)]),
        };
        Rejects(draft).Field.ShouldBe("body.paragraphs[1]");
    }

    [Fact]
    public void Notation_must_be_a_code_not_a_sentence() =>
        Rejects(Valid with { Notation = "QĐ UBND/2025" }).Field.ShouldBe("notation");

    [Fact]
    public void A_decision_needs_articles_not_paragraphs() =>
        Rejects(Valid with { Body = new ProseBody(["Nội dung"]) }).Field.ShouldBe("body");

    [Fact]
    public void A_letter_needs_someone_to_address() =>
        Rejects(SampleDrafts.CongVan() with { Recipients = new Recipients([], [], "VP") }).Field.ShouldBe("recipients.addressees");

    [Fact]
    public void Position_may_be_left_to_an_acting_competence_line()
    {
        var acting = new SignerBlock([new AuthorityLine(Competence.Acting, "Giám đốc")], "", "Lê Thị Hương");
        DraftValidator.Normalise(Valid with { Signer = acting }).Signer.Position.ShouldBe("");
        Rejects(Valid with { Signer = acting with { Authority = [] } }).Field.ShouldBe("signer.position");
    }

    [Fact]
    public void Decomposed_input_is_normalised_to_composed_form()
    {
        var nfd = "Ủy ban nhân dân tỉnh Nghệ An".Normalize(NormalizationForm.FormD);
        nfd.ShouldNotBe("Ủy ban nhân dân tỉnh Nghệ An");

        var normalised = DraftValidator.Normalise(Valid with { Organ = new Organ(nfd) });

        normalised.Organ.Name.ShouldBe("Ủy ban nhân dân tỉnh Nghệ An");
    }

    [Fact]
    public void Whitespace_runs_collapse_to_single_spaces() =>
        DraftValidator.Normalise(Valid with { Subject = "  Về việc\n thành   lập " }).Subject.ShouldBe("Về việc thành lập");
}
