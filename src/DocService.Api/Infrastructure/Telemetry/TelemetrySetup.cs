using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DocService.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: traces of requests, outgoing HTTP calls, EF Core commands and the service's own work (sign,
/// verify, archive, dispatch, receive); metrics with a Prometheus scrape endpoint at <c>/metrics</c>, answered only to
/// the networks in <c>Telemetry:Metrics:AllowedNetworks</c>; OTLP export of all three signals when
/// <c>Telemetry:Otlp:Endpoint</c> names a collector.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>Loopback and the private ranges a cluster's Prometheus scrapes from; the public proxy never routes /metrics.</summary>
    static readonly string[] DefaultAllowedNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    public static WebApplicationBuilder AddDocServiceTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["Telemetry:ServiceName"] ?? "docservice-api"))
            .WithTracing(tracing => tracing
                .AddSource(DocServiceTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !IsProbeOrScrape(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(DocServiceTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (otlp is not null)
            telemetry.WithLogging().UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, otlp);

        builder.Services.AddSingleton<QueueSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueSampler>());
        return builder;
    }

    /// <summary>The scrape endpoint, before authentication: Prometheus carries no token, the network decides.</summary>
    public static WebApplication UseDocServiceMetrics(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection("Telemetry:Metrics:AllowedNetworks").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultAllowedNetworks)
            .Select(IPNetwork.Parse).ToArray();
        // Refused as if it did not exist: without this the fallback authorization policy would answer 401 and hint at it.
        app.Use((http, next) =>
        {
            if (http.Request.Path != MetricsPath || http.Connection.RemoteIpAddress is { } caller && allowed.Any(n => n.Contains(Unmapped(caller))))
                return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    static bool IsProbeOrScrape(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
