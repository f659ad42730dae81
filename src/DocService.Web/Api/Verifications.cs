using DocService.Signing.Validation;

namespace DocService.Web.Api;

/// <summary>The auditor's report as <c>/api/v1/verifications</c> answers it, read into the library's own report records.</summary>
public sealed record VerificationView(
    Guid Id, Guid? DocumentId, string FileName, string Sha256, long Size, DateTimeOffset CreatedAt, Indication Indication,
    SubIndication? SubIndication, LocalizedMessage Message, DateTimeOffset ValidationTime, int Revisions,
    IReadOnlyList<SignatureValidationReport> Signatures, IReadOnlyList<string> Problems);

public sealed record VerificationSummary(Guid Id, Guid? DocumentId, string FileName, string Sha256, long Size, string Indication, string CreatedBy, DateTimeOffset CreatedAt);
