using DocService.Api.Infrastructure.Jobs;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;

namespace DocService.Api.Infrastructure.Telemetry;

/// <summary>
/// Counts the archive and outbox queues every <c>Telemetry:QueueSampleInterval</c> (15 s) for the queue gauges:
/// a scrape then reads the last sample instead of querying the database on the exporter's thread.
/// </summary>
public sealed class QueueSampler(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<QueueSampler> log) : BackgroundService
{
    IReadOnlyDictionary<string, (int Depth, double OldestAge)> _latest = new Dictionary<string, (int, double)>();

    public IReadOnlyDictionary<string, (int Depth, double OldestAge)> Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DocServiceTelemetry.ObserveQueues(() => _latest);
        // The first sample waits for the host to have started, that is for the schema to be migrated.
        using var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken);
        try { await Task.Delay(Timeout.InfiniteTimeSpan, clock, started.Token); }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
        var interval = configuration.GetValue("Telemetry:QueueSampleInterval", TimeSpan.FromSeconds(15));
        await PollingLoop.RunAsync(SampleAsync, interval, clock, log, "queue metrics", stoppingToken);
    }

    async Task<int> SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var counts = await JobQueues.CountAsync(scope.ServiceProvider.GetRequiredService<DocServiceDb>(), organId: null, ct);
        var now = clock.GetUtcNow();
        // Every state of both queues is reported, zero included, so a drained queue reads 0 rather than vanishing.
        var sample = new Dictionary<string, (int, double)>();
        foreach (var state in Enum.GetNames<Archive.ArchiveStatus>().Where(s => s != nameof(Archive.ArchiveStatus.Archived)))
            sample[$"archive/{state}"] = (0, 0);
        foreach (var state in Enum.GetNames<Exchange.OutboxState>().Where(s => s != nameof(Exchange.OutboxState.Sent)))
            sample[$"outbox/{state}"] = (0, 0);
        foreach (var count in counts)
            sample[$"{count.Queue.ToString().ToLowerInvariant()}/{count.State}"] = (count.Count, (now - count.OldestCreatedAt).TotalSeconds);
        _latest = sample;
        return 0;   // the loop pauses for the interval after every round
    }
}
