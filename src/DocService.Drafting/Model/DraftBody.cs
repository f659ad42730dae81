namespace DocService.Drafting.Model;

/// <summary>The content under the title: running prose, or a decision's bases and articles.</summary>
public abstract record DraftBody;

/// <summary>Paragraphs of running text, for every type but the quyết định.</summary>
public sealed record ProseBody(IReadOnlyList<string> Paragraphs) : DraftBody;

/// <summary>
/// A quyết định: the issuing authority in capitals (e.g. "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"),
/// the legal bases ("Căn cứ …;", "Theo đề nghị của …"), then "QUYẾT ĐỊNH:" and the articles.
/// </summary>
public sealed record DecisionBody(
    string IssuingAuthority,
    IReadOnlyList<string> LegalBases,
    IReadOnlyList<Article> Articles) : DraftBody;

/// <summary>
/// One article. Its number comes from its position; the first paragraph follows "Điều n." on the
/// same line, further paragraphs (clauses) follow as ordinary paragraphs.
/// </summary>
public sealed record Article(IReadOnlyList<string> Paragraphs)
{
    public Article(string text) : this([text]) { }
}
