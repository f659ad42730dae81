using DocService.Api.Domain;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Api.Tests.Infrastructure;
using DocService.Api.Tests.Signing;
using DocService.Signing.Tests.Support;
using DocService.Signing.Tests.Validation;
using DocService.Signing.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Archive;

/// <summary>The archive host on the filesystem store with the development TSA and the OCSP responder for the development chain.</summary>
public sealed class SqliteFileSystemLtvArchiveApi() : ArchiveApi(DatabaseProvider.Sqlite, s3: false)
{
    readonly RevocationServers _servers = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LtvHosting.Configure(builder, _servers, () => false);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _servers.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// "Archiving extends issued documents to B-LTA": with a TSA configured the worker adds a revision by system that
/// extends the issued document to B-LTA before it writes the package, whose document.pdf is that revision; a
/// document already at B-LTA is left as it is.
/// </summary>
public sealed class ArchiveBltaTests(SqliteFileSystemLtvArchiveApi api) : IClassFixture<SqliteFileSystemLtvArchiveApi>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_archived_document_is_the_issued_one_extended_to_B_LTA_once()
    {
        var flow = new IssuedDocuments(api);
        await LtvHosting.TrustDevelopmentRootAsync(api, flow.Organ);
        await flow.ProvisionKeysAsync();
        var issued = await flow.IssuedAsync();
        issued.Revisions.Count.ShouldBe(3);

        var archived = await flow.ArchivedAsync(issued.Id);

        archived.Status.ShouldBe(DocumentStatus.Archived);
        archived.Revisions.Count.ShouldBe(4);
        var extension = archived.Revisions.Single(r => r.Number == 4);
        extension.Reason.ShouldBe(ArchiveLevels.Reason);
        extension.Author.ShouldBe(ArchiveWorker.SystemActor);
        var manifest = await flow.ManifestAsync(issued.Id);
        manifest.Files.Select(f => f.Path).ShouldBe(
            ["document.pdf", "revisions/1.pdf", "revisions/2.pdf", "revisions/3.pdf", "revisions/4.pdf", "validation.json", "audit.jsonl"]);
        manifest.Files[0].Sha256.ShouldBe(extension.Sha256);

        var store = api.Services.GetRequiredService<IObjectStore>();
        var pdf = new MemoryStream();
        await using (var stored = await store.OpenReadAsync($"organs/{archived.OrganId}/{archived.IssuedDate!.Value.Year}/{archived.Id:D}/document.pdf", Ct))
            await stored.CopyToAsync(pdf, Ct);
        var issuedBytes = await (await flow.Drafter.GetAsync($"/api/v1/documents/{issued.Id}/revisions/3/content", Ct)).Content.ReadAsByteArrayAsync(Ct);
        pdf.ToArray().AsSpan(0, issuedBytes.Length).SequenceEqual(issuedBytes).ShouldBeTrue("the extension appends to the issued bytes");
        pdf.Position = 0;
        var report = await new PdfSignatureValidator(new ValidationOptions { TrustAnchors = [DevPki.Certificate("root")] }).ValidateAsync(pdf, Ct);
        var signatures = report.ApprovalSignatures.ToList();
        signatures.Count.ShouldBe(2);
        foreach (var signature in signatures)
            signature.Level.Reached.ShouldBe(LevelReached.BLTA, signature.Level.Reason.En);
        (await Pdfsig.SignatureVerdictsAsync(WriteTemporary(pdf.ToArray()))).Take(2).ShouldAllBe(v => v == "Signature is Valid.");

        // Idempotent: a document already at B-LTA gets no further revision.
        var added = await api.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DocServiceDb>();
            var document = await db.Documents.Include(d => d.Revisions).SingleAsync(d => d.Id == issued.Id, Ct);
            return await sp.GetRequiredService<ArchiveLevels>().EnsureBltaAsync(document, Ct);
        });
        added.ShouldBeFalse();
        (await flow.GetAsync(issued.Id)).Revisions.Count.ShouldBe(4);
        await using var check = api.CreateDb();
        (await check.AuditEntries.AsNoTracking().CountAsync(e => e.Target == issued.Id.ToString() && e.Action == "document.extend", Ct)).ShouldBe(1);
    }

    static string WriteTemporary(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-archive-blta-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
