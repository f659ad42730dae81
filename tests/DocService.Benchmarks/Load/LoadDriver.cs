using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocService.Benchmarks.Load;

/// <summary>
/// Drives one operation in two ways. Closed loop: a fixed number of workers, each sending its next
/// request when the last one answered (what the server can sustain). Open loop: requests start on a
/// fixed schedule whatever the server does, and latency counts from the scheduled start, so a server
/// that falls behind shows its queueing instead of slowing the load down (no coordinated omission).
/// </summary>
public static class LoadDriver
{
    /// <summary>One request; returns null on success or a short failure label (status code, exception).</summary>
    public delegate Task<string?> Operation(int index, CancellationToken ct);

    public static async Task<LoadResult> ClosedLoopAsync(string name, int concurrency, TimeSpan duration, int maxRequests, Operation operation, ServiceProcess server)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var next = -1;
        var cpuBefore = server.CpuSeconds;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxRequests)
                    return;
                var started = clock.Elapsed;
                var failure = await RunAsync(operation, index);
                Record(failure, (clock.Elapsed - started).TotalMilliseconds, latencies, failures);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return LoadResult.From(name, $"closed c={concurrency}", latencies.ToList(), failures, seconds, server.CpuSeconds - cpuBefore);
    }

    public static async Task<LoadResult> OpenLoopAsync(string name, double ratePerSecond, TimeSpan duration, int maxRequests, Operation operation, ServiceProcess server)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var count = (int)Math.Min(maxRequests, ratePerSecond * duration.TotalSeconds);
        var cpuBefore = server.CpuSeconds;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var failure = await RunAsync(operation, index);
                Record(failure, (clock.Elapsed - scheduled).TotalMilliseconds, latencies, failures);
            }));
        }
        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        return LoadResult.From(name, $"open {ratePerSecond:0}/s", latencies.ToList(), failures, seconds, server.CpuSeconds - cpuBefore);
    }

    static async Task<string?> RunAsync(Operation operation, int index)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            return await operation(index, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return e.GetType().Name;
        }
    }

    static void Record(string? failure, double milliseconds, ConcurrentBag<double> latencies, ConcurrentDictionary<string, int> failures)
    {
        if (failure is null)
            latencies.Add(milliseconds);
        else
            failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
    }
}
