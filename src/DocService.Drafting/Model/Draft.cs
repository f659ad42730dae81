namespace DocService.Drafting.Model;

/// <summary>
/// The issuing organ (ô số 2) and, when it has one, its parent organ (cơ quan chủ quản), printed
/// above it. Both are given in normal case; the renderer prints them in capitals.
/// </summary>
public sealed record Organ(string Name, string? ParentName = null);

/// <summary>
/// A structured draft of an outgoing document. Number and date are absent on purpose: the clerk
/// assigns them at issue, into the form fields the renderer leaves for them.
/// <see cref="Notation"/> is the ký hiệu, e.g. "QĐ-UBND", printed as "Số: …/QĐ-UBND";
/// <see cref="Subject"/> the trích yếu, without the "V/v" a công văn gets in print;
/// <see cref="Place"/> the địa danh of the date line, e.g. "Nghệ An".
/// </summary>
public sealed record Draft(
    Organ Organ,
    DocumentType Type,
    string Notation,
    string Subject,
    string Place,
    DraftBody Body,
    SignerBlock Signer,
    Recipients Recipients,
    Urgency Urgency = Urgency.Normal,
    Confidentiality Confidentiality = Confidentiality.None);
