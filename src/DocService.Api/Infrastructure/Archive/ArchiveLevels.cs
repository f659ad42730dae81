using System.Security.Cryptography;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Infrastructure.Timestamps;
using DocService.Api.Infrastructure.Validation;
using DocService.Signing.Pades;
using DocService.Signing.Validation;

namespace DocService.Api.Infrastructure.Archive;

/// <summary>
/// Archiving extends issued documents to B-LTA: when a TSA is configured, before the package is written the
/// issued document's current revision is extended (validation data and an archive timestamp) as a new revision
/// by <c>system</c>, so the package's <c>document.pdf</c> can be validated for as long as it is kept. Idempotent:
/// a current revision whose signatures our validator already finds at B-LTA is left as it is. Without a TSA
/// documents are archived as they are. The TSA or a revocation source being down fails the job, which is retried.
/// </summary>
public sealed class ArchiveLevels(
    DocServiceDb db, IObjectStore store, RevisionStore revisions, DocumentLevels levels, ValidationSetup validation, AuditChain audit,
    TimeProvider clock)
{
    public const string Reason = "Extended to B-LTA for archiving";

    /// <summary>Extends <paramref name="document"/> (tracked, with its revisions) when needed; answers whether a revision was added.</summary>
    public async Task<bool> EnsureBltaAsync(Document document, CancellationToken ct)
    {
        if (levels.Tsa is null)
            return false;
        var validator = await validation.ValidatorAsync(document.OrganId, ct);
        var current = document.CurrentRevision;
        await using (var pdf = await revisions.OpenAsync(current, ct))
        {
            if (await ReachesBltaAsync(validator, pdf, ct))
                return false;
        }

        var number = document.Revisions.Count + 1;
        var key = RevisionStore.Key(document, number);
        StoredContent content;
        if (await store.ExistsAsync(key, ct))
        {
            // An earlier attempt stored the extension but did not commit it (the store is write-once): adopt it
            // when it is exactly the current revision extended to B-LTA; anything else needs a person.
            content = await AdoptAsync(validator, current, key, ct)
                      ?? throw new InvalidOperationException(
                          $"Object {key} exists but is not the current revision {current.Number} of document {document.Id} extended to B-LTA.");
        }
        else
        {
            await using var input = await revisions.OpenAsync(current, ct);
            await using var output = TemporaryFile();
            await (await levels.ExtenderAsync(document.OrganId, ct)).ExtendAsync(input, output, PadesLevel.BLTA, ct);
            output.Position = 0;
            var stored = await store.PutAsync(key, output, ct);
            content = new StoredContent(stored.Key, stored.Sha256, stored.Size);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revision = document.AddRevision(content, ArchiveWorker.SystemActor, Reason, clock.GetUtcNow());
        await audit.AppendAsync(new AuditRecord(ArchiveWorker.SystemActor, document.OrganId, "document.extend", document.Id.ToString(),
            new { DocumentId = document.Id, Level = PadesLevel.BLTA, Revision = revision.Number, Reason }), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    async Task<StoredContent?> AdoptAsync(PdfSignatureValidator validator, DocumentRevision current, string key, CancellationToken ct)
    {
        await using var copy = TemporaryFile();
        await using (var stored = await store.OpenReadAsync(key, ct))
            await stored.CopyToAsync(copy, ct);
        if (copy.Length <= current.Size)
            return null;
        copy.Position = 0;
        var prefix = new byte[current.Size];
        await copy.ReadExactlyAsync(prefix, ct);
        if (!Convert.ToHexStringLower(SHA256.HashData(prefix)).Equals(current.Sha256, StringComparison.OrdinalIgnoreCase))
            return null;
        copy.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, ct));
        copy.Position = 0;
        return await ReachesBltaAsync(validator, copy, ct) ? new StoredContent(key, sha256, copy.Length) : null;
    }

    static async Task<bool> ReachesBltaAsync(PdfSignatureValidator validator, Stream pdf, CancellationToken ct)
    {
        var report = await validator.ValidateAsync(pdf, ct);
        var signatures = report.ApprovalSignatures.ToList();
        return signatures.Count > 0 && signatures.All(s => s.Level.Reached >= LevelReached.BLTA);
    }

    static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
}
