using DocService.Api.Domain;
using DocService.Api.Domain.Verification;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Infrastructure.Validation;
using DocService.Pdf;
using DocService.Signing.Validation;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Features.Verification;

/// <summary>
/// Validates a PDF and keeps both the report and the file as received, so the report can be read
/// again and each signed version cut out of the same bytes later.
/// </summary>
public sealed class Verifier(DocServiceDb db, IObjectStore store, ValidationSetup setup, TimeProvider clock)
{
    /// <summary>A validation is bounded in time whatever the file does.</summary>
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Validates <c>pdf</c> (seekable: it is read twice, validated then stored) and records the report.</summary>
    public async Task<VerificationRecord> VerifyAsync(Stream pdf, string fileName, OrganId organ, string user, Guid? documentId, CancellationToken ct) =>
        await RecordAsync(await ValidateAsync(pdf, organ, ct), pdf, fileName, organ, user, documentId, null, ct);

    /// <summary>As <see cref="VerifyAsync"/> for a file uploaded only to be verified: its bytes are kept until <paramref name="keepUntil"/>, then removed.</summary>
    public async Task<VerificationRecord> VerifyUploadAsync(Stream pdf, string fileName, OrganId organ, string user, DateTimeOffset keepUntil, CancellationToken ct) =>
        await RecordAsync(await ValidateAsync(pdf, organ, ct), pdf, fileName, organ, user, null, keepUntil, ct);

    /// <summary>As <see cref="VerifyAsync"/> for a file that may carry no signature (a scan): then nothing is recorded, and null answered.</summary>
    public async Task<VerificationRecord?> VerifyIfSignedAsync(Stream pdf, string fileName, OrganId organ, string user, Guid? documentId, CancellationToken ct)
    {
        var report = await ValidateAsync(pdf, organ, ct);
        return report.Signatures.Count == 0 ? null : await RecordAsync(report, pdf, fileName, organ, user, documentId, null, ct);
    }

    async Task<DocumentValidationReport> ValidateAsync(Stream pdf, OrganId organ, CancellationToken ct)
    {
        using var operation = DocServiceTelemetry.Start("verify", DocServiceTelemetry.Verifications, DocServiceTelemetry.VerificationDuration);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        try
        {
            var report = await (await setup.ValidatorAsync(organ.Value, ct)).ValidateAsync(pdf, timeout.Token);
            operation.Tag("indication", report.Indication.ToString()).Succeeded();
            return report;
        }
        catch (PdfException unreadable)
        {
            throw new ApiException(422, "verification.unreadable_pdf", $"The file cannot be read as a PDF: {unreadable.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ApiException(422, "verification.too_complex", $"Validation did not finish within {Limit.TotalSeconds:0} seconds.");
        }
    }

    async Task<VerificationRecord> RecordAsync(
        DocumentValidationReport report, Stream pdf, string fileName, OrganId organ, string user, Guid? documentId, DateTimeOffset? keepUntil,
        CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        pdf.Position = 0;
        var key = $"organs/{organ.Value}/verifications/{id:N}.pdf";
        var stored = keepUntil is { } until ? await store.PutExpiringAsync(key, pdf, until, ct) : await store.PutAsync(key, pdf, ct);
        var record = new VerificationRecord
        {
            Id = id,
            OrganId = organ.Value,
            DocumentId = documentId,
            FileName = Path.GetFileName(fileName),
            Sha256 = stored.Sha256,
            Size = stored.Size,
            StorageKey = stored.Key,
            Indication = report.Indication.ToString(),
            ReportJson = ValidationJson.Serialize(report),
            CreatedBy = user,
            CreatedAt = clock.GetUtcNow(),
            FileKeptUntil = keepUntil,
        };
        db.Verifications.Add(record);
        return record;
    }
}
