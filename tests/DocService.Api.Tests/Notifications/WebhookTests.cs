using System.Net;
using System.Text;
using System.Text.Json;
using DocService.Api.Features.Administration;
using DocService.Api.Features.Handling;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Notifications;

/// <summary>
/// An organ's webhook hears arrivals, assignments, completions and deadlines, each body signed with HMAC-SHA256
/// under the organ's secret; a failed delivery is retried with backoff. A real HTTP listener on loopback receives them.
/// </summary>
public abstract class WebhookTests(ApiFactory api)
{
    const string Secret = "s3cret-of-the-organ-0123456789";
    readonly string _organ = TestOrgans.New();
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    CancellationToken Ct => TestContext.Current.CancellationToken;
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);
    HttpClient Admin => api.ClientFor($"{_organ}.admin", _organ, []);

    /// <summary>The receiver's next request, checked as a receiver would: the signature over the exact bytes, then the event named in the header.</summary>
    static async Task<JsonElement> NextVerifiedAsync(WebhookReceiver receiver, string type)
    {
        var received = await receiver.NextAsync(Wait);
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), received.Body));
        received.Headers[WebhookSignature.Header].ShouldBe(expected);
        received.Headers[WebhookSignature.EventHeader].ShouldBe(type);
        received.Headers["Content-Type"].ShouldStartWith("application/json");
        var body = JsonDocument.Parse(received.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe(type);
        body.GetProperty("id").GetString().ShouldBe(received.Headers[WebhookSignature.DeliveryHeader]);
        return body;
    }

    async Task<WebhookResponse> ConfigureAsync(string url, params string[] events) =>
        await (await Admin.PutAsync("/api/v1/admin/webhook", JsonContent(new ConfigureWebhook.Request(url, Secret, events.Length == 0 ? null : events)), Ct))
            .ShouldBeJsonAsync<WebhookResponse>();

    static StringContent JsonContent<T>(T value) => new(JsonSerializer.Serialize(value, HttpAssertions.Json), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Arrival_assignment_and_completion_reach_the_webhook_signed_and_a_failed_delivery_is_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500); // the first delivery fails
        var admin = await api.RegisterOrganAsync(_organ);
        var unit = await admin.AddUnitAsync("VP", "Văn phòng");
        var configured = await ConfigureAsync(receiver.Url);
        configured.HasSecret.ShouldBeTrue();

        var arrival = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("hook")));

        var failed = await receiver.NextAsync(Wait);
        failed.AnsweredWith.ShouldBe(500);
        var arrived = await NextVerifiedAsync(receiver, NotificationEvents.Arrived);
        arrived.GetProperty("id").GetString().ShouldBe(failed.Headers[WebhookSignature.DeliveryHeader]); // the same delivery, again
        Encoding.UTF8.GetString(failed.Body).ShouldBe(arrived.GetRawText());
        arrived.GetProperty("organId").GetString().ShouldBe(_organ);
        var document = arrived.GetProperty("document");
        document.GetProperty("id").GetGuid().ShouldBe(arrival.Document.Id);
        document.GetProperty("arrivalNumber").GetInt32().ShouldBe(1);
        document.GetProperty("subject").GetString().ShouldBe("V/v thành lập Tổ công tác cải cách hành chính");
        document.GetProperty("receivedVia").GetString().ShouldBe("Paper");

        var assigned = await (await Leader.PostJsonAsync($"/api/v1/documents/{arrival.Document.Id}/assignments",
            new AssignDocument.Request(new AssignDocument.Assignee(UnitId: unit.Id)), arrival.Document.ETag())).ShouldBeJsonAsync<HandlingResponse>();
        var assignment = await NextVerifiedAsync(receiver, NotificationEvents.Assigned);
        assignment.GetProperty("assignments")[0].GetProperty("assigneeName").GetString().ShouldBe("Văn phòng");
        assignment.GetProperty("assignments")[0].GetProperty("role").GetString().ShouldBe("Lead");

        await (await Leader.PostJsonAsync($"/api/v1/documents/{arrival.Document.Id}/completion", new CompleteHandling.Request("Xong"), assigned.Document.ETag()))
            .ShouldBeJsonAsync<HandlingResponse>();
        var completed = await NextVerifiedAsync(receiver, NotificationEvents.Completed);
        completed.GetProperty("document").GetProperty("status").GetString().ShouldBe("Completed");

        await using var db = api.CreateDb();
        var deliveries = await db.NotificationDeliveries.Where(d => d.OrganId == _organ).OrderBy(d => d.CreatedAt).ToListAsync(Ct);
        deliveries.Select(d => (d.EventType, d.State)).ShouldBe([
            (NotificationEvents.Arrived, NotificationState.Delivered), (NotificationEvents.Assigned, NotificationState.Delivered), (NotificationEvents.Completed, NotificationState.Delivered)]);
        deliveries[0].Attempts.ShouldBe(2);
        Encoding.Latin1.GetString((await db.OrganWebhooks.SingleAsync(w => w.OrganId == _organ, Ct)).SealedSecret).ShouldNotContain(Secret); // sealed at rest
    }

    [Fact]
    public async Task A_delivery_the_endpoint_refuses_is_not_retried_until_the_admin_retries_it_from_the_job_list()
    {
        await using var receiver = await WebhookReceiver.StartAsync(404);
        await api.RegisterOrganAsync(_organ);
        await ConfigureAsync(receiver.Url, NotificationEvents.Arrived);

        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("refused")));
        (await receiver.NextAsync(Wait)).AnsweredWith.ShouldBe(404);

        Api.Features.Jobs.ListJobs.Job job;
        var deadline = DateTimeOffset.UtcNow + Wait;
        do
        {
            var jobs = await (await Admin.GetAsync("/api/v1/admin/jobs?queue=Notification", Ct)).ShouldBeJsonAsync<Api.Features.Jobs.ListJobs.Response>();
            job = jobs.Items.ShouldHaveSingleItem();
            if (job.State == nameof(NotificationState.Rejected) || DateTimeOffset.UtcNow > deadline)
                break;
            await Task.Delay(100, Ct);
        } while (true);
        job.State.ShouldBe(nameof(NotificationState.Rejected));
        job.Attempts.ShouldBe(1);
        job.LastError.ShouldNotBeNull().ShouldContain("404");
        await Should.ThrowAsync<OperationCanceledException>(receiver.NextAsync(TimeSpan.FromSeconds(1))); // a refusal is final

        await (await Admin.PostAsync($"/api/v1/admin/jobs/Notification/{job.Id}/retry", null, Ct)).ShouldBeJsonAsync<Api.Features.Jobs.RetryJob.Response>();
        await NextVerifiedAsync(receiver, NotificationEvents.Arrived);
    }

    [Fact]
    public async Task Due_soon_and_overdue_are_announced_once_each()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterOrganAsync(_organ);
        await ConfigureAsync(receiver.Url, NotificationEvents.DueSoon, NotificationEvents.Overdue); // arrivals not wanted
        var today = Api.Domain.VietnamTime.Today(DateTimeOffset.UtcNow);

        var late = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("late"), dueDate: today.AddDays(-1)));
        var overdue = await NextVerifiedAsync(receiver, NotificationEvents.Overdue);
        overdue.GetProperty("document").GetProperty("id").GetGuid().ShouldBe(late.Document.Id);
        var soon = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("soon"), dueDate: today.AddDays(1)));
        var dueSoon = await NextVerifiedAsync(receiver, NotificationEvents.DueSoon);
        dueSoon.GetProperty("document").GetProperty("id").GetGuid().ShouldBe(soon.Document.Id);
        dueSoon.GetProperty("document").GetProperty("dueDate").GetString().ShouldBe(today.AddDays(1).ToString("yyyy-MM-dd"));

        // Many scans later, nothing more: each notice went once.
        await Should.ThrowAsync<OperationCanceledException>(receiver.NextAsync(TimeSpan.FromSeconds(2)));
        await using var db = api.CreateDb();
        (await db.NotificationDeliveries.CountAsync(d => d.OrganId == _organ, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_webhook_answers_without_its_secret_and_refuses_bad_settings()
    {
        await api.RegisterOrganAsync(_organ);
        await (await Admin.GetAsync("/api/v1/admin/webhook", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        var missing = await (await Admin.PutAsync("/api/v1/admin/webhook", JsonContent(new ConfigureWebhook.Request(Url: "https://hooks.example.vn/x")), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        missing.GetProperty("errors").TryGetProperty("secret", out _).ShouldBeTrue();
        var bad = await (await Admin.PutAsync("/api/v1/admin/webhook",
                JsonContent(new ConfigureWebhook.Request("ftp://hooks.example.vn/x", "short", ["document.deleted"])), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = bad.GetProperty("errors");
        (errors.TryGetProperty("url", out _), errors.TryGetProperty("secret", out _), errors.TryGetProperty("events", out _)).ShouldBe((true, true, true));
        await (await Admin.PutAsync("/api/v1/admin/webhook", JsonContent(new ConfigureWebhook.Request("http://hooks.example.vn/x", Secret)), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"); // plain http off loopback

        await (await Admin.PutAsync("/api/v1/admin/webhook", JsonContent(new ConfigureWebhook.Request("https://hooks.example.vn/x", Secret)), Ct))
            .ShouldBeJsonAsync<WebhookResponse>();
        var read = await (await Admin.GetAsync("/api/v1/admin/webhook", Ct)).Content.ReadAsStringAsync(Ct);
        read.ShouldNotContain(Secret);
        read.ShouldContain("\"hasSecret\":true");
        (await Clerk.PutAsync("/api/v1/admin/webhook", JsonContent(new ConfigureWebhook.Request("https://x.vn", Secret)), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>The host with the webhook worker polling fast and backing off briefly, so retries happen within a test.</summary>
public class NotificationApi(DatabaseProvider provider) : ApiFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:InitialBackoff", "00:00:00.200");
        builder.UseSetting("Notifications:MaxBackoff", "00:00:01");
    }
}

public sealed class SqliteNotificationApi() : NotificationApi(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationApi() : NotificationApi(DatabaseProvider.Postgres);

public sealed class WebhookOnSqliteTests(SqliteNotificationApi api) : WebhookTests(api), IClassFixture<SqliteNotificationApi>;

public sealed class WebhookOnPostgresTests(PostgresNotificationApi api) : WebhookTests(api), IClassFixture<PostgresNotificationApi>;
