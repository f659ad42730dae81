using System.Text.Json.Serialization;
using DocService.Api.Domain.Verification;
using DocService.Signing.Validation;

namespace DocService.Api.Features.Verification;

/// <summary>
/// The auditor's report as the API gives it: the validation report itself (indication, message,
/// every signature judged separately) with the file it was about and where to fetch more.
/// </summary>
public sealed record VerificationResponse(
    Guid Id,
    Guid? DocumentId,
    string FileName,
    string Sha256,
    long Size,
    DateTimeOffset CreatedAt,
    Indication Indication,
    SubIndication? SubIndication,
    LocalizedMessage Message,
    DateTimeOffset ValidationTime,
    int Revisions,
    IReadOnlyList<SignatureValidationReport> Signatures,
    IReadOnlyList<string> Problems,
    DateTimeOffset? FileKeptUntil)
{
    /// <summary>The library's report this response shows (for the simple, ETSI and PDF forms).</summary>
    [JsonIgnore]
    public DocumentValidationReport Report => new(Indication, SubIndication, Message, ValidationTime, Revisions, Size, Signatures, Problems);

    public static VerificationResponse From(VerificationRecord record)
    {
        var report = ValidationJson.Deserialize(record.ReportJson)
            ?? throw new InvalidOperationException($"Verification {record.Id} has no readable report.");
        return new VerificationResponse(record.Id, record.DocumentId, record.FileName, record.Sha256, record.Size, record.CreatedAt,
            report.Indication, report.SubIndication, report.Message, report.ValidationTime, report.Revisions, report.Signatures, report.Problems, record.FileKeptUntil);
    }
}
