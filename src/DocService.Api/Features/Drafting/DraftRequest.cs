using DocService.Drafting.Model;
using DocService.Drafting.Validation;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// A structured draft as JSON: what <c>POST /documents</c> and <c>PUT /documents/{id}/draft</c> take,
/// what <c>docsvc draft sample</c> prints and what a document keeps to be redrafted. Everything is
/// optional here so that a missing value is reported by the draft validator under its JSON path
/// (e.g. <c>signer.fullName</c>) rather than as unreadable JSON. Number and date are absent on
/// purpose: the clerk fills them in at issue.
/// </summary>
/// <param name="Organ">The issuing organ (ô số 2), with its parent organ if it has one.</param>
/// <param name="Type">The document type (tên loại).</param>
/// <param name="Notation">Ký hiệu, e.g. "QĐ-UBND", printed as "Số: …/QĐ-UBND".</param>
/// <param name="Subject">Trích yếu, without the "V/v" a công văn gets in print.</param>
/// <param name="Place">Địa danh of the date line, e.g. "Nghệ An".</param>
/// <param name="Body">Paragraphs, or for a quyết định the issuing authority, legal bases and articles.</param>
/// <param name="Signer">The signature block: competence lines, position, full name.</param>
/// <param name="Recipients">"Kính gửi" addressees, "Nơi nhận" copies and the drafting unit.</param>
/// <param name="Urgency">Độ khẩn; Normal when absent.</param>
/// <param name="Confidentiality">Độ mật; None when absent.</param>
public sealed record DraftRequest(
    DraftOrgan? Organ,
    DocumentType? Type,
    string? Notation,
    string? Subject,
    string? Place,
    DraftBodyContent? Body,
    DraftSigner? Signer,
    DraftRecipients? Recipients,
    Urgency? Urgency = null,
    Confidentiality? Confidentiality = null)
{
    /// <summary>
    /// The renderer's model. Values the model cannot hold as missing (the type, a competence) are
    /// reported here; everything else is left for <see cref="DraftValidator"/> to name.
    /// </summary>
    /// <exception cref="DraftValidationException">The type, a competence or the body's shape is wrong.</exception>
    public Draft ToDraft()
    {
        var type = Type ?? throw new DraftValidationException("type", $"is required: one of {string.Join(", ", Enum.GetNames<DocumentType>())}");
        return new Draft(
            Organ is null ? null! : new Organ(Organ.Name!, Organ.ParentName),
            type,
            Notation!,
            Subject!,
            Place!,
            Body?.ToBody(type)!,
            Signer?.ToSignerBlock()!,
            Recipients is null ? null! : new Recipients(Recipients.Addressees!, Recipients.CopiesTo!, Recipients.DraftingUnit!),
            Urgency ?? DocService.Drafting.Model.Urgency.Normal,
            Confidentiality ?? DocService.Drafting.Model.Confidentiality.None);
    }

    public static DraftRequest From(Draft draft) => new(
        new DraftOrgan(draft.Organ.Name, draft.Organ.ParentName),
        draft.Type,
        draft.Notation,
        draft.Subject,
        draft.Place,
        DraftBodyContent.From(draft.Body),
        new DraftSigner(
            draft.Signer.Authority.Select(line => new DraftAuthorityLine(line.Competence, line.For)).ToList(),
            draft.Signer.Position,
            draft.Signer.FullName),
        new DraftRecipients(draft.Recipients.Addressees, draft.Recipients.CopiesTo, draft.Recipients.DraftingUnit),
        draft.Urgency,
        draft.Confidentiality);
}

/// <param name="Name">In normal case; printed in capitals.</param>
/// <param name="ParentName">The parent organ (cơ quan chủ quản), printed above the name.</param>
public sealed record DraftOrgan(string? Name, string? ParentName = null);

/// <summary>
/// Either <see cref="Paragraphs"/> (every type but the quyết định) or, for a quyết định,
/// <see cref="IssuingAuthority"/>, <see cref="LegalBases"/> and <see cref="Articles"/>.
/// </summary>
/// <param name="Paragraphs">Running text, one entry per paragraph.</param>
/// <param name="IssuingAuthority">E.g. "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"; printed in capitals above the bases.</param>
/// <param name="LegalBases">"Căn cứ …;" lines and the closing "Theo đề nghị của …".</param>
/// <param name="Articles">The articles (Điều), numbered by position.</param>
public sealed record DraftBodyContent(
    IReadOnlyList<string>? Paragraphs = null,
    string? IssuingAuthority = null,
    IReadOnlyList<string>? LegalBases = null,
    IReadOnlyList<DraftArticle?>? Articles = null)
{
    internal DraftBody ToBody(DocumentType type)
    {
        var decision = IssuingAuthority is not null || LegalBases is not null || Articles is not null;
        if (decision && Paragraphs is not null)
            throw new DraftValidationException("body",
                "give either paragraphs, or issuingAuthority, legalBases and articles for a quyết định; not both");
        if (decision || (Paragraphs is null && type == DocumentType.QuyetDinh))
            return new DecisionBody(IssuingAuthority!, LegalBases!, Articles?.Select(a => a is null ? null! : new Article(a.Paragraphs!)).ToList()!);
        return new ProseBody(Paragraphs!);
    }

    internal static DraftBodyContent From(DraftBody body) => body switch
    {
        DecisionBody decision => new DraftBodyContent(
            IssuingAuthority: decision.IssuingAuthority,
            LegalBases: decision.LegalBases,
            Articles: decision.Articles.Select(a => new DraftArticle(a.Paragraphs)).ToList()),
        ProseBody prose => new DraftBodyContent(prose.Paragraphs),
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, null),
    };
}

/// <param name="Paragraphs">The first follows "Điều n." on its line; further ones are its clauses.</param>
public sealed record DraftArticle(IReadOnlyList<string>? Paragraphs);

/// <param name="Authority">Competence lines above the position, e.g. TM. "Ủy ban nhân dân", then KT. "Chủ tịch".</param>
/// <param name="Position">The signer's position, e.g. "Phó Chủ tịch"; may be empty after an Acting (Q.) line.</param>
/// <param name="FullName">Printed under the signature.</param>
public sealed record DraftSigner(IReadOnlyList<DraftAuthorityLine?>? Authority, string? Position, string? FullName)
{
    internal SignerBlock ToSignerBlock() => new(
        (Authority ?? []).Select((line, i) => line is null
            ? null!
            : new AuthorityLine(
                line.Competence ?? throw new DraftValidationException($"signer.authority[{i}].competence",
                    $"is required: one of {string.Join(", ", Enum.GetNames<Competence>())}"),
                line.For!)).ToList(),
        Position!,
        FullName!);
}

/// <param name="Competence">TM. (OnBehalfOfCollective), KT. (Deputy), TL. (ByOrder), TUQ. (ByAuthorisation) or Q. (Acting).</param>
/// <param name="For">Whom the line names, e.g. "Chủ tịch"; printed in capitals.</param>
public sealed record DraftAuthorityLine(Competence? Competence, string? For);

/// <param name="Addressees">The "Kính gửi:" line of a công văn or tờ trình.</param>
/// <param name="CopiesTo">"Nơi nhận:" entries, without dash or trailing semicolon.</param>
/// <param name="DraftingUnit">The drafting unit's short name for the closing "Lưu: VT, …." line.</param>
public sealed record DraftRecipients(IReadOnlyList<string>? Addressees, IReadOnlyList<string>? CopiesTo, string? DraftingUnit);
