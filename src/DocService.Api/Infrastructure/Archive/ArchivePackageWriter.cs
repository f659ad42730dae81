using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Signing.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Archive;

/// <summary>
/// Writes one document's package into the object store. Every file is write-once with the document's retention
/// class, and every run writes the same bytes (the validation is made as of the issue instant, the audit lines
/// are the rows already committed), so a retry skips the files that are already there with the expected SHA-256
/// and completes a half-written package. <c>manifest.json</c> goes last: a package with a manifest is whole.
/// </summary>
public sealed class ArchivePackageWriter(DocServiceDb db, IObjectStore store, IOptions<ArchiveOptions> options, TimeProvider clock)
{
    const string IssueAction = "document.issue";
    static readonly JsonSerializerOptions AuditLine = new(ArchiveManifest.Json) { WriteIndented = false };

    public async Task<StoredObject> WriteAsync(Document document, ArchiveJob job, CancellationToken ct)
    {
        var package = new Package(store, ArchiveLayout.Prefix(document),
            new RetentionClass(document.RetentionClass ?? options.Value.DefaultRetention));
        var revisions = document.Revisions.OrderBy(r => r.Number).ToList();
        var current = document.CurrentRevision;

        var files = new List<ArchiveFile> { await package.CopyAsync(ArchiveLayout.Document, current, ct) };
        foreach (var revision in revisions)
            files.Add(await package.CopyAsync(ArchiveLayout.Revision(revision.Number), revision, ct));
        files.Add(await package.WriteAsync(ArchiveLayout.Validation, await ValidationAsync(current, job, ct), ct));
        files.Add(await package.WriteAsync(ArchiveLayout.Audit, await AuditLinesAsync(document, ct), ct));

        var manifest = new ArchiveManifest(
            ArchiveManifest.CurrentFormat, document.Id, document.OrganId, DocumentCode.Format(document.CodeNumber, document.CodeNotation),
            document.TypeName, document.Subject, document.IssuedDate, package.Retention.Name, job.CreatedAt, files);
        var written = await package.WriteAsync(ArchiveLayout.Manifest, manifest.ToUtf8(), ct);
        return new StoredObject(package.Prefix + ArchiveLayout.Manifest, written.Sha256, written.Size);
    }

    /// <summary>The auditor's report on the final revision, as of the instant it was issued, offline.</summary>
    async Task<byte[]> ValidationAsync(DocumentRevision current, ArchiveJob job, CancellationToken ct)
    {
        var validator = new PdfSignatureValidator(new ValidationOptions
        {
            TrustAnchors = TrustAnchors(),
            ValidationTime = job.CreatedAt,
            TimeProvider = clock,
        });
        await using var pdf = await store.OpenReadAsync(current.StorageKey, current.Sha256, ct);
        var report = await validator.ValidateAsync(pdf, ct);
        return Encoding.UTF8.GetBytes(ValidationJson.Serialize(report) + "\n");
    }

    List<X509Certificate2> TrustAnchors()
    {
        var anchors = new List<X509Certificate2>();
        foreach (var path in options.Value.TrustAnchorFiles)
        {
            var collection = new X509Certificate2Collection();
            if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal))
                collection.ImportFromPemFile(path);
            else
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            anchors.AddRange(collection);
        }
        return anchors;
    }

    /// <summary>
    /// The document's links of the audit chain up to its issue, one JSON object a line, each verifiable on its own.
    /// What happens to it afterwards (the archiving itself, checks, dispatch) is not part of the record archived,
    /// and stopping at the issue keeps the file the same however late a retry runs.
    /// </summary>
    async Task<byte[]> AuditLinesAsync(Document document, CancellationToken ct)
    {
        var target = document.Id.ToString();
        var issued = await db.AuditEntries.Where(e => e.Target == target && e.Action == IssueAction).MaxAsync(e => (long?)e.Sequence, ct) ?? long.MaxValue;
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Target == target && e.Sequence <= issued).OrderBy(e => e.Sequence).ToListAsync(ct);
        var lines = new StringBuilder();
        foreach (var e in entries)
        {
            lines.Append(JsonSerializer.Serialize(new
            {
                e.Sequence,
                At = e.At.ToUniversalTime(),
                e.Actor,
                e.OrganId,
                e.Action,
                e.Target,
                e.PayloadSha256,
                e.PreviousHash,
                e.Hash,
            }, AuditLine)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    sealed class Package(IObjectStore store, string prefix, RetentionClass retention)
    {
        public string Prefix => prefix;
        public RetentionClass Retention => retention;

        /// <summary>A revision's bytes, read (and so verified) only when the package does not hold them yet.</summary>
        public Task<ArchiveFile> CopyAsync(string path, DocumentRevision revision, CancellationToken ct) =>
            PutOnceAsync(path, revision.Sha256, revision.Size, async () => await store.OpenReadAsync(revision.StorageKey, revision.Sha256, ct), ct);

        public Task<ArchiveFile> WriteAsync(string path, byte[] content, CancellationToken ct) =>
            PutOnceAsync(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, () => Task.FromResult<Stream>(new MemoryStream(content)), ct);

        async Task<ArchiveFile> PutOnceAsync(string path, string sha256, long size, Func<Task<Stream>> open, CancellationToken ct)
        {
            var key = prefix + path;
            if (!await store.ExistsAsync(key, ct))
            {
                try
                {
                    await using var content = await open();
                    var stored = await store.PutAsync(key, content, retention, ct);
                    if (!stored.Sha256.Equals(sha256, StringComparison.OrdinalIgnoreCase) || stored.Size != size)
                        throw new ObjectCorruptedException(key, sha256, stored.Sha256);
                    return new ArchiveFile(path, sha256, size);
                }
                catch (ObjectAlreadyExistsException)
                {
                    // Another worker wrote it a moment ago (its lease ran out while ours began): checked below.
                }
            }
            // Already there, from an earlier attempt: the store re-hashes it and refuses anything but the expected bytes.
            await using (await store.OpenReadAsync(key, sha256, ct)) { }
            return new ArchiveFile(path, sha256, size);
        }
    }
}
