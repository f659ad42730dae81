namespace DocService.Exchange.Model;

/// <summary>Số và ký hiệu: <c>15</c> and <c>QĐ-UBND</c> make <c>15/QĐ-UBND</c>.</summary>
public sealed record DocumentCode(string CodeNumber, string CodeNotation)
{
    public override string ToString() => CodeNotation.Length == 0 ? CodeNumber : $"{CodeNumber}/{CodeNotation}";
}

/// <summary>Place and date of promulgation (địa danh, ngày ban hành).</summary>
public sealed record PromulgationInfo(string? Place, DateOnly? PromulgationDate);

/// <summary>Document type: <c>Type</c> 1 = administrative document, <c>TypeName</c> e.g. "Công văn".</summary>
public sealed record DocumentType(int Type, int TypeDetail, string? TypeName);

/// <summary>The signer: competence (TM., KT., TL. …), position and full name.</summary>
public sealed record SignerInfo(string? Competence, string? Position, string? FullName);

/// <summary>Other information: priority (0 thường … 4 hỏa tốc hẹn giờ), amounts, appendixes.</summary>
public sealed record OtherInfo(
    int Priority = 0,
    string? SphereOfPromulgation = null,
    string? TyperNotation = null,
    int? PromulgationAmount = null,
    int? PageAmount = null,
    bool Direction = false,
    ValueList<string>? Appendixes = null);

/// <summary>The document a package answers or refers to.</summary>
public sealed record ResponseFor(string OrganId, string? Code, DateOnly? PromulgationDate, string DocumentId);

/// <summary>The message header of a document package (edXML <c>MessageHeader</c>).</summary>
public sealed record MessageHeader(
    Organization From,
    ValueList<Organization> To,
    string DocumentId,
    DocumentCode Code,
    PromulgationInfo PromulgationInfo,
    DocumentType DocumentType,
    string Subject,
    string? Content = null,
    SignerInfo? SignerInfo = null,
    DateOnly? DueDate = null,
    OtherInfo? OtherInfo = null,
    int? SteeringType = null,
    ValueList<string>? ToPlaces = null, // nơi nhận
    ValueList<ResponseFor>? ResponseFor = null)
{
    /// <summary>
    /// The edXML DocumentId, <c>{OrganId},{yyyy/MM/dd},{số}/{ký hiệu}</c>, identifying a document
    /// across organs (the inbox deduplicates by it).
    /// </summary>
    public static string ComposeDocumentId(string organId, DateOnly promulgationDate, DocumentCode code) =>
        $"{organId},{EdXmlDate.Format(promulgationDate)},{code}";
}
