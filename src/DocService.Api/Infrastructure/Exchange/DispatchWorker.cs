using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// Sends due outbox messages, claimed as the archive worker claims its jobs (one conditional UPDATE whose row
/// count says who won, on SQLite and PostgreSQL alike). A message waits while an earlier one to the same
/// recipient about the same document is unsent, so statuses arrive in the order they happened (01 before 03).
/// Transient failures are retried with backoff until they succeed; a business refusal of the axis is final.
/// </summary>
public sealed class DispatchWorker(
    IServiceScopeFactory scopes, AxisTransports transports, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<DispatchWorker> log)
    : BackgroundService
{
    const int MaxErrorLength = 2000;
    readonly Guid _id = Guid.NewGuid();
    readonly Random _random = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, options.Value.PollInterval, clock, log, "dispatch", stoppingToken);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        foreach (var id in claimed)
            await SendAsync(id, ct);
        return claimed.Count;
    }

    async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var now = clock.GetUtcNow();
        var organs = transports.Organs.ToList();
        var all = db.Outbox;
        var candidates = await Due(db.Outbox, now)
            .Where(m => organs.Contains(m.OrganId))
            .Where(m => !all.Any(e => e.OrganId == m.OrganId && e.RecipientOrganId == m.RecipientOrganId
                && e.EdXmlDocumentId == m.EdXmlDocumentId && e.State != OutboxState.Sent && e.State != OutboxState.Rejected
                && (e.CreatedAt < m.CreatedAt || (e.CreatedAt == m.CreatedAt && e.Ordinal < m.Ordinal))))
            .OrderBy(m => m.DueAt).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(ct);

        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var won = await Due(db.Outbox.Where(m => m.Id == id), now).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sending)
                .SetProperty(m => m.LeaseOwner, _id)
                .SetProperty(m => m.LeaseUntil, leaseUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (won == 1)
                claimed.Add(id);
        }
        return claimed;
    }

    static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => ((m.State == OutboxState.Pending || m.State == OutboxState.Failed) && m.DueAt <= now)
                            || (m.State == OutboxState.Sending && m.LeaseUntil < now));

    async Task SendAsync(Guid id, CancellationToken ct)
    {
        using var operation = DocServiceTelemetry.Start("dispatch").Tag("outbox.id", id);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            await using var package = await scope.ServiceProvider.GetRequiredService<ExchangePackages>().OpenAsync(message, ct);
            var result = await (await transports.ForAsync(message.OrganId, ct))
                .SendEdocAsync(package, new EdocEnvelope(message.MessageType, [message.RecipientOrganId], message.Business), ct);
            await db.Outbox.Where(m => m.Id == id && m.LeaseOwner == _id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sent)
                .SetProperty(m => m.AxisDocId, result.DocId)
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseOwner, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
            operation.Succeeded();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (AxisBusinessException refused)
        {
            await FailAsync(id, refused, final: true, ct);
        }
        catch (Exception e)
        {
            await FailAsync(id, e, final: false, ct);
        }
    }

    async Task FailAsync(Guid id, Exception error, bool final, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
            var attempts = await db.Outbox.Where(m => m.Id == id).Select(m => m.Attempts).SingleAsync(ct);
            var delay = options.Value.Backoff(attempts, _random);
            var text = $"{error.GetType().Name}: {error.Message}";
            if (text.Length > MaxErrorLength)
                text = text[..MaxErrorLength];
            await db.Outbox.Where(m => m.Id == id && m.LeaseOwner == _id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, final ? OutboxState.Rejected : OutboxState.Failed)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.DueAt, clock.GetUtcNow() + delay)
                .SetProperty(m => m.LeaseOwner, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
            log.LogWarning("Sending outbox message {Id} failed (attempt {Attempts}{Final}): {Error}",
                id, attempts, final ? ", refused by the axis" : $", retrying in {delay}", text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record the failure of outbox message {Id}: {Error}", id, error.Message);
        }
    }
}
