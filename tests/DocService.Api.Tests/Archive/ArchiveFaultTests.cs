using DocService.Api.Domain;
using DocService.Api.Features.Archive;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minio.DataModel.Args;

namespace DocService.Api.Tests.Archive;

/// <summary>Tests that stop the shared S3 server run alone, after every other test, so no other test sees it gone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class S3ServerRestarts
{
    public const string Name = "S3 server restarts";
}

/// <summary>
/// The S3 server dies under the archive worker and comes back: the RADOS Gateway of the test command's Ceph is killed
/// (scripts/services.sh stop-rgw) and started again. Issuing has already committed; the worker keeps failing with
/// backoff, visibly, and once the server answers again every package completes with each object written exactly
/// once (one version per key in the versioned, locked bucket).
/// </summary>
[Trait("Category", "S3")]
[Collection(S3ServerRestarts.Name)]
public sealed class ArchiveFaultTests(ArchiveFaultTests.Node api) : IClassFixture<ArchiveFaultTests.Node>
{
    /// <summary>A node that issues but does not archive: the test starts the worker itself once the server is down.</summary>
    public sealed class Node() : ArchiveApi(DatabaseProvider.Sqlite, s3: true, workerEnabled: false);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Archiving_waits_out_a_stopped_S3_server_and_completes_once_without_duplicates()
    {
        var bucket = api.S3Options!.Bucket;
        var gateway = RadosGateway.OfThisRun();
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var issued = new List<DocumentResponse>();
        for (var i = 0; i < 3; i++)
            issued.Add(await flow.IssuedAsync());
        issued.ShouldAllBe(d => d.Status == DocumentStatus.Issued && d.Archive!.Status == ArchiveStatus.Pending);

        var worker = ActivatorUtilities.CreateInstance<ArchiveWorker>(api.Services);
        await gateway.StopAsync();
        try
        {
            await worker.StartAsync(Ct);
            foreach (var document in issued)
            {
                var failing = await flow.WaitForAsync(document.Id, d => d.Archive is { Status: ArchiveStatus.Failed, Attempts: >= 2 });
                failing.Status.ShouldBe(DocumentStatus.Issued);
                failing.Archive!.LastError.ShouldNotBeNullOrWhiteSpace();
                failing.Archive.NextAttemptAt.ShouldNotBeNull();
            }
        }
        finally
        {
            await gateway.StartAsync();
        }

        try
        {
            foreach (var document in issued)
                (await flow.ArchivedAsync(document.Id)).Status.ShouldBe(DocumentStatus.Archived);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }

        using var raw = api.RawS3();
        var versions = new Dictionary<string, int>();
        await foreach (var item in raw.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(bucket)
                           .WithPrefix($"organs/{flow.Organ}/").WithRecursive(true).WithVersions(true), Ct))
            versions[item.Key] = versions.GetValueOrDefault(item.Key) + 1;
        foreach (var document in issued)
        {
            var manifest = await flow.ManifestAsync(document.Id);
            var prefix = $"organs/{flow.Organ}/{document.IssuedDate!.Value.Year}/{document.Id:D}/";
            foreach (var path in manifest.Files.Select(f => f.Path).Append("manifest.json"))
                versions.GetValueOrDefault(prefix + path).ShouldBe(1, $"{prefix}{path} should be written once");
            (await flow.CheckAsync(document.Id)).Intact.ShouldBeTrue();
        }
        versions.Keys.Count(k => !k.Contains("/documents/", StringComparison.Ordinal)).ShouldBe(issued.Count * 7);

        await using var db = api.CreateDb();
        var ids = issued.Select(d => d.Id.ToString()).ToList();
        var archiveEntries = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Target) && e.Action == "document.archive").ToListAsync(Ct);
        archiveEntries.GroupBy(e => e.Target).Select(g => g.Count()).ShouldBe([1, 1, 1]);
    }

    /// <summary>The radosgw daemon of the Ceph cluster scripts/services.sh started for this test run.</summary>
    sealed class RadosGateway
    {
        static string Script => Path.Combine(RepositoryRoot.Path, "scripts", "services.sh");

        public static RadosGateway OfThisRun()
        {
            if (!File.Exists(Path.Combine(RepositoryRoot.Path, ".test-services", "s3.dir")))
            {
                const string reason = "Stopping the S3 server needs the Ceph RGW that scripts/services.sh starts (./test.sh).";
                if (RequiredService.Required)
                    Assert.Fail(reason);
                Assert.Skip(reason);
            }
            return new RadosGateway();
        }

        public Task StopAsync() => RunAsync("stop-rgw");

        public Task StartAsync() => RunAsync("start-rgw");

        static async Task RunAsync(string command)
        {
            var result = await ExternalTool.RunAsync("bash", Script, command);
            result.ExitCode.ShouldBe(0, result.ToString());
        }
    }
}
