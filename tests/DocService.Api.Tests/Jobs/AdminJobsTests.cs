using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Archive;
using DocService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Jobs;

/// <summary>
/// GET /admin/jobs and its retry action on real archive jobs: documents issued on a node without the archive
/// worker, one of whose jobs is then made to have failed as a worker leaves it (state, attempts, error, backoff).
/// </summary>
public sealed class AdminJobsTests(AdminJobsTests.NodeWithoutWorker api) : IClassFixture<AdminJobsTests.NodeWithoutWorker>
{
    public sealed class NodeWithoutWorker() : ArchiveApi(DatabaseProvider.Sqlite, s3: false, workerEnabled: false);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(IssuedDocuments Flow, Guid Failed, Guid Pending)> TwoJobsAsync()
    {
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var failed = (await flow.IssuedAsync()).Id;
        var pending = (await flow.IssuedAsync()).Id;
        await using var db = api.CreateDb();
        await db.ArchiveJobs.Where(j => j.DocumentId == failed).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ArchiveStatus.Failed)
            .SetProperty(j => j.Attempts, 3)
            .SetProperty(j => j.LastError, "The S3 server does not answer for bucket 'docservice'.")
            .SetProperty(j => j.DueAt, DateTimeOffset.UtcNow.AddHours(1)), Ct);
        return (flow, failed, pending);
    }

    [Fact]
    public async Task Admins_see_their_organs_jobs_by_state_with_last_error_and_age()
    {
        var (flow, failed, pending) = await TwoJobsAsync();
        var admin = api.ClientFor("admin", flow.Organ, ["admin"]);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs", Ct);

        all.GetProperty("total").GetInt32().ShouldBe(2);
        var queues = all.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("queue").GetString() + "/" + q.GetProperty("state").GetString(), q => q.GetProperty("count").GetInt32());
        queues.ShouldBe(new Dictionary<string, int> { ["Archive/Failed"] = 1, ["Archive/Pending"] = 1 }, ignoreOrder: true);
        var job = all.GetProperty("items").EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == failed);
        job.GetProperty("state").GetString().ShouldBe("Failed");
        job.GetProperty("attempts").GetInt32().ShouldBe(3);
        job.GetProperty("lastError").GetString()!.ShouldContain("does not answer");
        job.GetProperty("ageSeconds").GetDouble().ShouldBeGreaterThan(0);

        var onlyFailed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs?queue=Archive&state=Failed", Ct);
        onlyFailed.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([failed]);
        var other = api.ClientFor("admin", TestOrgans.New(), ["admin"]);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs", Ct)).GetProperty("total").GetInt32().ShouldBe(0);
        (await api.ClientFor("vanthu", flow.Organ, ["clerk"]).GetAsync("/api/v1/admin/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/admin/jobs?state=Lost", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        _ = pending;
    }

    [Fact]
    public async Task Retry_makes_a_failed_job_due_now_and_refuses_others()
    {
        var (flow, failed, pending) = await TwoJobsAsync();
        var admin = api.ClientFor("admin", flow.Organ, ["admin"]);

        var retried = await (await admin.PostAsync($"/api/v1/admin/jobs/Archive/{failed}/retry", null, Ct)).ShouldBeJsonAsync<JsonElement>();

        retried.GetProperty("state").GetString().ShouldBe("Failed");
        await using (var db = api.CreateDb())
            (await db.ArchiveJobs.SingleAsync(j => j.DocumentId == failed, Ct)).DueAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        await (await admin.PostAsync($"/api/v1/admin/jobs/Archive/{pending}/retry", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "job.not_retryable");
        await (await api.ClientFor("admin", TestOrgans.New(), ["admin"]).PostAsync($"/api/v1/admin/jobs/Archive/{failed}/retry", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await using (var db = api.CreateDb())
            (await db.AuditEntries.CountAsync(e => e.Action == "job.retry" && e.Target == $"Archive/{failed}", Ct)).ShouldBe(1);
    }
}
