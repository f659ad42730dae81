using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocService.Api.Domain;
using DocService.Api.Features.Archive;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minio.DataModel.Args;

namespace DocService.Api.Tests.Archive;

/// <summary>
/// Issue → archive through the API (DESIGN §6): the worker writes the package after the issue commits, the document
/// moves to Archived with the system's audit entry, the manifest lists every file with hashes an independent
/// SHA-256 of the stored bytes confirms, and the check re-hashes them all. Run on both databases and both stores.
/// </summary>
public abstract class ArchiveFlowTests(ArchiveApi api)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    async Task<byte[]> StoredBytesAsync(string key)
    {
        var store = api.Services.GetRequiredService<IObjectStore>();
        await using var stream = await store.OpenReadAsync(key, Ct);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    static string Prefix(DocumentResponse document) =>
        $"organs/{document.OrganId}/{document.IssuedDate!.Value.Year}/{document.Id:D}/";

    [Fact]
    public async Task An_issued_document_is_archived_with_a_manifest_of_every_file_and_a_clean_check()
    {
        _ = api.S3Options;
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();

        var issued = await flow.IssuedAsync();
        issued.Status.ShouldBe(DocumentStatus.Issued);
        issued.Archive.ShouldNotBeNull();
        issued.Archive.Status.ShouldBe(ArchiveStatus.Pending);
        issued.Archive.RetentionClass.ShouldBe("Permanent");

        var archived = await flow.ArchivedAsync(issued.Id);
        archived.Status.ShouldBe(DocumentStatus.Archived);
        archived.AllowedActions.ShouldBe([DocumentAction.Dispatch]);
        archived.Archive!.Attempts.ShouldBeGreaterThanOrEqualTo(1);
        archived.Archive.LastError.ShouldBeNull();

        var manifest = await flow.ManifestAsync(issued.Id);
        manifest.DocumentId.ShouldBe(issued.Id);
        manifest.OrganId.ShouldBe(flow.Organ);
        manifest.Code.ShouldBe(issued.Code);
        manifest.RetentionClass.ShouldBe("Permanent");
        manifest.Files.Select(f => f.Path).ShouldBe(
            ["document.pdf", "revisions/1.pdf", "revisions/2.pdf", "revisions/3.pdf", "validation.json", "audit.jsonl"]);
        var final = issued.Revisions.Single(r => r.Number == 3);
        manifest.Files[0].Sha256.ShouldBe(final.Sha256);
        foreach (var revision in issued.Revisions)
            manifest.Files.Single(f => f.Path == $"revisions/{revision.Number}.pdf").ShouldBe(new ArchiveFile($"revisions/{revision.Number}.pdf", revision.Sha256, revision.Size));

        var prefix = Prefix(archived);
        foreach (var file in manifest.Files)
        {
            var bytes = await StoredBytesAsync(prefix + file.Path);
            (Sha256(bytes), (long)bytes.Length).ShouldBe((file.Sha256, file.Size), file.Path);
        }
        var manifestBytes = await StoredBytesAsync(prefix + "manifest.json");
        Sha256(manifestBytes).ShouldBe(archived.Archive.ManifestSha256);

        var validation = ValidationJson.Deserialize(Encoding.UTF8.GetString(await StoredBytesAsync(prefix + "validation.json")))!;
        validation.Signatures.Count.ShouldBe(2);
        var audit = Encoding.UTF8.GetString(await StoredBytesAsync(prefix + "audit.jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        audit.Select(e => e.GetProperty("action").GetString()).ShouldContain("document.issue");
        audit.ShouldAllBe(e => e.GetProperty("target").GetString() == issued.Id.ToString());

        var report = await flow.CheckAsync(issued.Id);
        report.Intact.ShouldBeTrue();
        report.Files.Select(f => f.Path).ShouldBe(["manifest.json", .. manifest.Files.Select(f => f.Path)]);
        report.Files.ShouldAllBe(f => f.State == CheckArchive.FileState.Ok);
        (await flow.CheckAsync(issued.Id, flow.Clerk)).Intact.ShouldBeTrue();
        await (await flow.Drafter.PostActionAsync($"/api/v1/documents/{issued.Id}/archive/check", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        await using var db = api.CreateDb();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Target == issued.Id.ToString() && e.Action == "document.archive").ToListAsync(Ct);
        entries.ShouldHaveSingleItem().Actor.ShouldBe(ArchiveWorker.SystemActor);
        entries[0].OrganId.ShouldBe(flow.Organ);
        (await api.WithScopeAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync(Ct))).Valid.ShouldBeTrue();

        if (api.S3)
        {
            using var raw = api.RawS3();
            var versions = new Dictionary<string, int>();
            await foreach (var item in raw.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(api.S3Options!.Bucket).WithPrefix(prefix).WithRecursive(true).WithVersions(true), Ct))
                versions[item.Key] = versions.GetValueOrDefault(item.Key) + 1;
            versions.Keys.Order().ShouldBe([.. manifest.Files.Select(f => prefix + f.Path).Append(prefix + "manifest.json").Order()]);
            versions.Values.ShouldAllBe(v => v == 1);
        }
    }

    [Fact]
    public async Task Writing_the_package_again_skips_every_file_and_yields_the_same_manifest()
    {
        _ = api.S3Options;
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var archived = await flow.ArchivedAsync((await flow.IssuedAsync()).Id);

        var again = await api.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DocServiceDb>();
            var document = await db.Documents.Include(d => d.Revisions).SingleAsync(d => d.Id == archived.Id, Ct);
            var job = await db.ArchiveJobs.SingleAsync(j => j.DocumentId == archived.Id, Ct);
            return await sp.GetRequiredService<ArchivePackageWriter>().WriteAsync(document, job, Ct);
        });

        again.Sha256.ShouldBe(archived.Archive!.ManifestSha256);
        again.Key.ShouldBe(Prefix(archived) + "manifest.json");
    }

    [Fact]
    public async Task A_document_that_was_not_issued_has_no_archive()
    {
        _ = api.S3Options;
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var signed = await flow.SignedAsync();

        signed.Archive.ShouldBeNull();
        await (await flow.Drafter.GetAsync($"/api/v1/documents/{signed.Id}/archive", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "archive.not_found");
        await (await flow.Auditor.PostActionAsync($"/api/v1/documents/{signed.Id}/archive/check", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "archive.not_found");
        var stranger = api.ClientFor("other", TestOrgans.New(), ["auditor"]);
        await (await stranger.GetAsync($"/api/v1/documents/{signed.Id}/archive", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }
}

/// <summary>The filesystem store lets a test play the disk that rots: edit a file's bytes or remove it.</summary>
public abstract class FileSystemArchiveTests(ArchiveApi api) : ArchiveFlowTests(api)
{
    [Fact]
    public async Task The_check_reports_a_corrupted_file_and_a_missing_one()
    {
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var archived = await flow.ArchivedAsync((await flow.IssuedAsync()).Id);
        var prefix = $"organs/{archived.OrganId}/{archived.IssuedDate!.Value.Year}/{archived.Id:D}/";

        var corrupted = api.FileSystemDataPath(prefix + "revisions/2.pdf");
        File.SetAttributes(corrupted, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(corrupted, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = await File.ReadAllBytesAsync(corrupted, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(corrupted, bytes, TestContext.Current.CancellationToken);
        Directory.Delete(Path.GetDirectoryName(api.FileSystemDataPath(prefix + "audit.jsonl"))!, recursive: true);

        var report = await flow.CheckAsync(archived.Id);

        report.Intact.ShouldBeFalse();
        report.Files.Single(f => f.Path == "revisions/2.pdf").State.ShouldBe(CheckArchive.FileState.Corrupted);
        report.Files.Single(f => f.Path == "audit.jsonl").State.ShouldBe(CheckArchive.FileState.Missing);
        report.Files.Where(f => f.Path is not ("revisions/2.pdf" or "audit.jsonl")).ShouldAllBe(f => f.State == CheckArchive.FileState.Ok);
    }
}

public sealed class ArchiveOnSqliteFileSystemTests(SqliteFileSystemArchiveApi api) : FileSystemArchiveTests(api), IClassFixture<SqliteFileSystemArchiveApi>;

[Trait("Category", "Postgres")]
public sealed class ArchiveOnPostgresFileSystemTests(PostgresFileSystemArchiveApi api) : FileSystemArchiveTests(api), IClassFixture<PostgresFileSystemArchiveApi>;

[Trait("Category", "S3")]
public sealed class ArchiveOnSqliteS3Tests(SqliteS3ArchiveApi api) : ArchiveFlowTests(api), IClassFixture<SqliteS3ArchiveApi>;

[Trait("Category", "S3")]
[Trait("Category", "Postgres")]
public sealed class ArchiveOnPostgresS3Tests(PostgresS3ArchiveApi api) : ArchiveFlowTests(api), IClassFixture<PostgresS3ArchiveApi>;
