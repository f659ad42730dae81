using System.Text;
using System.Text.RegularExpressions;
using DocService.Drafting.Model;

namespace DocService.Drafting.Validation;

/// <summary>
/// Checks a draft and returns it normalised: every string in Unicode NFC with whitespace runs
/// collapsed. NFC matters because the fonts map precomposed Vietnamese letters to single glyphs;
/// decomposed input (a base letter plus combining tone marks, common from macOS and some IMEs)
/// would render with the marks placed by the font's default offsets, which misplace them.
/// </summary>
public static partial class DraftValidator
{
    public static Draft Normalise(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RequireDefined(draft.Type, "type");
        RequireDefined(draft.Urgency, "urgency");
        RequireDefined(draft.Confidentiality, "confidentiality");

        var notation = Text(draft.Notation, "notation", DraftLimits.Notation);
        if (!NotationPattern().IsMatch(notation))
            throw new DraftValidationException("notation",
                "must be letters and digits joined by hyphens, e.g. \"QĐ-UBND\"");

        return draft with
        {
            Organ = CheckOrgan(draft.Organ),
            Notation = notation,
            Subject = Text(draft.Subject, "subject", DraftLimits.Subject),
            Place = Text(draft.Place, "place", DraftLimits.Place),
            Body = CheckBody(draft.Type, draft.Body),
            Signer = CheckSigner(draft.Signer),
            Recipients = CheckRecipients(draft.Type, draft.Recipients),
        };
    }

    static Organ CheckOrgan(Organ? organ)
    {
        if (organ is null) throw new DraftValidationException("organ", "is required");
        return new Organ(
            Text(organ.Name, "organ.name", DraftLimits.OrganName),
            OptionalText(organ.ParentName, "organ.parentName", DraftLimits.OrganName));
    }

    static DraftBody CheckBody(DocumentType type, DraftBody? body)
    {
        switch (body)
        {
            case null:
                throw new DraftValidationException("body", "is required");
            case DecisionBody decision when type == DocumentType.QuyetDinh:
                return new DecisionBody(
                    Text(decision.IssuingAuthority, "body.issuingAuthority", DraftLimits.OrganName),
                    List(decision.LegalBases, "body.legalBases", 0, DraftLimits.LegalBases, DraftLimits.Paragraph),
                    CheckArticles(decision.Articles));
            case ProseBody prose when type != DocumentType.QuyetDinh:
                return new ProseBody(
                    List(prose.Paragraphs, "body.paragraphs", 1, DraftLimits.Paragraphs, DraftLimits.Paragraph));
            default:
                throw new DraftValidationException("body", type == DocumentType.QuyetDinh
                    ? "a quyết định needs a decision body: legal bases and articles"
                    : "only a quyết định has articles; give the body as paragraphs");
        }
    }

    static IReadOnlyList<Article> CheckArticles(IReadOnlyList<Article>? articles)
    {
        if (articles is null || articles.Count == 0)
            throw new DraftValidationException("body.articles", "a decision needs at least one article");
        if (articles.Count > DraftLimits.Articles)
            throw new DraftValidationException("body.articles", $"at most {DraftLimits.Articles} articles");
        return articles.Select((article, i) =>
        {
            var field = $"body.articles[{i}]";
            if (article is null) throw new DraftValidationException(field, "is required");
            return new Article(List(article.Paragraphs, $"{field}.paragraphs", 1, DraftLimits.Paragraphs, DraftLimits.Paragraph));
        }).ToList();
    }

    static SignerBlock CheckSigner(SignerBlock? signer)
    {
        if (signer is null) throw new DraftValidationException("signer", "is required");
        var authority = signer.Authority ?? [];
        if (authority.Count > DraftLimits.AuthorityLines)
            throw new DraftValidationException("signer.authority", $"at most {DraftLimits.AuthorityLines} lines");
        var lines = authority.Select((line, i) =>
        {
            var field = $"signer.authority[{i}]";
            if (line is null) throw new DraftValidationException(field, "is required");
            RequireDefined(line.Competence, $"{field}.competence");
            return line with { For = Text(line.For, $"{field}.for", DraftLimits.Position) };
        }).ToList();

        var actingNamesPosition = lines.Count > 0 && lines[^1].Competence == Competence.Acting;
        var position = actingNamesPosition
            ? OptionalText(signer.Position, "signer.position", DraftLimits.Position) ?? ""
            : Text(signer.Position, "signer.position", DraftLimits.Position);
        return new SignerBlock(lines, position, Text(signer.FullName, "signer.fullName", DraftLimits.FullName));
    }

    static Recipients CheckRecipients(DocumentType type, Recipients? recipients)
    {
        if (recipients is null) throw new DraftValidationException("recipients", "is required");
        var addressees = List(recipients.Addressees, "recipients.addressees", 0, DraftLimits.Addressees, DraftLimits.RecipientEntry);
        if (type.IsAddressed() && addressees.Count == 0)
            throw new DraftValidationException("recipients.addressees",
                $"a {type.VietnameseName().ToLowerInvariant()} needs at least one \"Kính gửi\" addressee");
        if (!type.IsAddressed() && addressees.Count > 0)
            throw new DraftValidationException("recipients.addressees",
                "only công văn and tờ trình carry a \"Kính gửi\" line; list the recipients under copiesTo");
        return new Recipients(
            addressees,
            List(recipients.CopiesTo, "recipients.copiesTo", 0, DraftLimits.CopiesTo, DraftLimits.RecipientEntry),
            Text(recipients.DraftingUnit, "recipients.draftingUnit", DraftLimits.DraftingUnit));
    }

    static List<string> List(IReadOnlyList<string>? items, string field, int min, int max, int maxLength)
    {
        items ??= [];
        if (items.Count < min) throw new DraftValidationException(field, $"needs at least {min} entr{(min == 1 ? "y" : "ies")}");
        if (items.Count > max) throw new DraftValidationException(field, $"at most {max} entries");
        return items.Select((item, i) => Text(item, $"{field}[{i}]", maxLength)).ToList();
    }

    static string? OptionalText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    static string Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DraftValidationException(field, "is required");
        if (PlainText.Problem(value) is { } problem)
            throw new DraftValidationException(field, problem);
        if (!value.IsNormalized(NormalizationForm.FormC)) value = value.Normalize(NormalizationForm.FormC);
        value = Whitespace().Replace(value.Trim(), " ");
        if (value.Length > maxLength)
            throw new DraftValidationException(field, $"is {value.Length} characters long; at most {maxLength}");
        return value;
    }

    static void RequireDefined<T>(T value, string field) where T : struct, Enum
    {
        if (!Enum.IsDefined(value)) throw new DraftValidationException(field, $"unknown value {value}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$")]
    private static partial Regex NotationPattern();
}
