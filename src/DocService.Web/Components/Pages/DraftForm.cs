namespace DocService.Web.Components.Pages;

/// <summary>
/// The structured draft as a form holds it: lists are one entry per line (articles separated by a blank line), turned
/// into the API's draft JSON on submit. The API's draft validator names what is missing.
/// </summary>
public sealed class DraftForm
{
    public string Type { get; set; } = "CongVan";
    public string? OrganName { get; set; }
    public string? ParentOrganName { get; set; }
    public string? Notation { get; set; }
    public string? Subject { get; set; }
    public string? Place { get; set; }
    public string? Paragraphs { get; set; }
    public string? IssuingAuthority { get; set; }
    public string? LegalBases { get; set; }
    public string? Articles { get; set; }
    public string? Competence { get; set; }
    public string? CompetenceFor { get; set; }
    public string? Position { get; set; }
    public string? FullName { get; set; }
    public string? Addressees { get; set; }
    public string? CopiesTo { get; set; }
    public string? DraftingUnit { get; set; }
    public string Urgency { get; set; } = "Normal";

    public bool IsDecision => Type == "QuyetDinh";

    public object ToRequest() => new
    {
        organ = new { name = OrganName, parentName = Blank(ParentOrganName) },
        type = Type,
        notation = Notation,
        subject = Subject,
        place = Place,
        body = IsDecision
            ? (object)new { issuingAuthority = IssuingAuthority, legalBases = Lines(LegalBases), articles = ArticleList() }
            : new { paragraphs = Lines(Paragraphs) },
        signer = new
        {
            authority = string.IsNullOrEmpty(Competence) ? [] : new[] { new { competence = Competence, @for = CompetenceFor } },
            position = Position,
            fullName = FullName,
        },
        recipients = new { addressees = Lines(Addressees), copiesTo = Lines(CopiesTo), draftingUnit = DraftingUnit },
        urgency = Urgency,
    };

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    object[] ArticleList() =>
        (Articles ?? "").Replace("\r", "").Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(article => (object)new { paragraphs = Lines(article) }).ToArray();
}
