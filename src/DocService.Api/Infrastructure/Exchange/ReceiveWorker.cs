using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// Polls the axis for each organ this system speaks for: every package offered is downloaded, processed and
/// committed (<see cref="IncomingPackages"/>), and only then acknowledged <c>done</c>. A package whose processing
/// failed is left unacknowledged and offered again at a later round.
/// </summary>
public sealed class ReceiveWorker(
    IServiceScopeFactory scopes, AxisTransports transports, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ReceiveWorker> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, options.Value.PollInterval, clock, log, "receive", stoppingToken);

    /// <summary>Answers how many packages it processed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var processed = 0;
        foreach (var organ in transports.Organs)
        {
            var transport = await transports.ForAsync(organ, ct);
            IReadOnlyList<ReceivedEdocInfo> waiting;
            try
            {
                waiting = await transport.GetReceivedEdocListAsync(ct);
            }
            catch (Exception e) when (e is AxisUnavailableException or AxisBusinessException)
            {
                log.LogWarning("Could not list the packages waiting for {Organ}: {Error}", organ, e.Message);
                continue;
            }
            await TrackDeliveriesAsync(organ, transport, ct);
            foreach (var item in waiting)
            {
                using var operation = DocServiceTelemetry.Start("receive").Tag("axis.doc_id", item.DocId);
                try
                {
                    await using (var scope = scopes.CreateAsyncScope())
                        await scope.ServiceProvider.GetRequiredService<IncomingPackages>().ProcessAsync(organ, transport, item, ct);
                    await transport.UpdateStatusAsync(item.DocId, TransportAck.Done, ct);
                    operation.Succeeded();
                    processed++;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    // Not acknowledged: the axis offers it again, and the inbox makes the second time harmless.
                    log.LogWarning(e, "Package {DocId} for {Organ} was not taken in this round", item.DocId, organ);
                }
            }
        }
        return processed;
    }

    /// <summary>
    /// Transport state beyond "sent": what the axis says each recipient did with our packages (getSentEdocList),
    /// asked only while some sent package is not yet acknowledged done by its recipient.
    /// </summary>
    async Task TrackDeliveriesAsync(string organ, IAxisTransport transport, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var open = await db.Outbox
            .Where(m => m.OrganId == organ && m.State == OutboxState.Sent && (m.Delivery == null || m.Delivery != DeliveryState.Done))
            .Select(m => new { m.Id, m.AxisDocId, m.RecipientOrganId, m.Delivery }).ToListAsync(ct);
        if (open.Count == 0)
            return;
        IReadOnlyList<SentEdocInfo> sent;
        try
        {
            sent = await transport.GetSentEdocListAsync(ct);
        }
        catch (Exception e) when (e is AxisUnavailableException or AxisBusinessException)
        {
            log.LogWarning("Could not list the packages {Organ} sent: {Error}", organ, e.Message);
            return;
        }
        var states = sent.SelectMany(s => s.Recipients.Select(r => (s.DocId, r.OrganId, r.State)))
            .ToDictionary(x => (x.DocId, x.OrganId), x => x.State);
        var now = clock.GetUtcNow();
        foreach (var message in open)
        {
            if (message.AxisDocId is not null && states.TryGetValue((message.AxisDocId, message.RecipientOrganId), out var state) && state != message.Delivery)
            {
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Delivery, state)
                    .SetProperty(m => m.DeliveryUpdatedAt, now), ct);
            }
        }
    }
}
