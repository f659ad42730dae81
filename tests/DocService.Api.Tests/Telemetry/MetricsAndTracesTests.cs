using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Telemetry;
using DocService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DocService.Api.Tests.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint as Prometheus reads it (text exposition over HTTP, no token), and the service's own
/// spans as any OpenTelemetry listener receives them.
/// </summary>
public sealed class MetricsAndTracesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly string _organ = TestOrgans.New();

    async Task<string> ScrapeAsync() => await api.ClientWithToken(null).GetStringAsync(TelemetrySetup.MetricsPath, Ct);

    [Fact]
    public async Task Metrics_serve_http_server_request_duration_without_a_token()
    {
        (await api.ClientWithToken(null).GetAsync("/health/ready", Ct)).EnsureSuccessStatusCode();
        (await api.ClientFor(_organ, "drafter").GetAsync($"/api/v1/documents/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var metrics = await ScrapeAsync();

        metrics.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        metrics.ShouldContain("http_server_request_duration_seconds_bucket{");
        metrics.ShouldContain("http_response_status_code=\"404\"");
    }

    [Fact]
    public async Task A_verification_is_counted_timed_and_traced_as_a_verify_span()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DocServiceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.TraceId == traceId) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        var auditor = api.ClientFor(_organ, "auditor");
        // The caller's trace: HttpClient propagates it in traceparent, and the service's spans join it.
        using (new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            var upload = TestForms.File(SamplePdfs.WithText("Không có chữ ký"), "unsigned.pdf", "application/pdf");
            (await auditor.PostAsync("/api/v1/verifications", upload, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var verify = spans.ShouldHaveSingleItem();
        verify.OperationName.ShouldBe("verify");
        verify.Status.ShouldBe(ActivityStatusCode.Ok);
        verify.GetTagItem("indication").ShouldNotBeNull();
        var metrics = await ScrapeAsync();
        metrics.ShouldContain("docservice_verifications_total{");
        metrics.ShouldContain("docservice_verification_duration_seconds_bucket{");
    }

    [Fact]
    public async Task Queue_depth_and_oldest_age_are_reported_for_both_queues()
    {
        string metrics = "";
        for (var attempt = 0; attempt < 50 && !metrics.Contains("docservice_queue_depth{"); attempt++)
        {
            metrics = await ScrapeAsync();
            await Task.Delay(100, Ct);
        }

        var depths = metrics.Split('\n').Where(l => l.StartsWith("docservice_queue_depth{", StringComparison.Ordinal)).ToList();
        depths.ShouldContain(l => l.Contains("queue=\"archive\"") && l.Contains("state=\"Pending\""), metrics);
        depths.ShouldContain(l => l.Contains("queue=\"outbox\"") && l.Contains("state=\"Failed\""), metrics);
        metrics.ShouldContain("# TYPE docservice_queue_oldest_age_seconds gauge");
    }
}

/// <summary><c>Telemetry:Metrics:AllowedNetworks</c> decides who may scrape: a caller outside them finds nothing.</summary>
public sealed class MetricsAccessTests(MetricsAccessTests.RestrictedMetricsApi api) : IClassFixture<MetricsAccessTests.RestrictedMetricsApi>
{
    public sealed class RestrictedMetricsApi() : ApiFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Metrics:AllowedNetworks:0", "10.250.0.0/16");
        }
    }

    [Fact]
    public async Task A_caller_outside_the_allowed_networks_gets_404()
    {
        var response = await api.ClientWithToken(null).GetAsync(TelemetrySetup.MetricsPath, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("http_server_request_duration");
    }
}
