namespace DocService.Api.Infrastructure.Messaging;

/// <summary>The loop of a polling worker: a round, and a pause when the round found nothing to do.</summary>
public static class PollingLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> round, TimeSpan interval, TimeProvider clock, ILogger log, string name, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await round(stoppingToken) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database, the store or the axis failed (restarting, not migrated yet): try again at the next round.
                log.LogWarning(e, "The {Worker} worker's round failed", name);
            }
            if (!worked)
            {
                try { await Task.Delay(interval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
