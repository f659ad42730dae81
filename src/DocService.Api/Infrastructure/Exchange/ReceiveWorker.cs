using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DocService.Api.Infrastructure.Telemetry;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// Polls the axis for the organs this system speaks for: every package offered is downloaded, processed and
/// committed (<see cref="IncomingPackages"/>), and only then acknowledged <c>done</c>; one that cannot be read is
/// acknowledged <c>fail</c>. A package whose processing failed is left unacknowledged and offered again at a later round.
/// </summary>
public sealed class ReceiveWorker(
    IServiceScopeFactory scopes, AxisTransports transports, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ReceiveWorker> log)
    : BackgroundService
{
    /// <summary>getSentEdocList asks about one package at a time: at most this many per organ and round, the latest sent first.</summary>
    const int MaxTrackedPerRound = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, options.Value.PollInterval, clock, log, "receive", stoppingToken);

    /// <summary>Answers how many packages it processed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var organs = transports.Organs;
        if (organs.Count == 0)
            return 0;
        foreach (var organ in organs)
            await TrackDeliveriesAsync(organ, await transports.ForAsync(organ, ct), ct);

        // The axis lists by system, not by organ, and each organ here is on the same system: one list serves them all,
        // each copy naming the organ it is for.
        IReadOnlyList<ReceivedEdocInfo> waiting;
        try
        {
            waiting = await (await transports.ForAsync(organs.First(), ct)).GetReceivedEdocListAsync(ct);
        }
        catch (Exception e) when (e is AxisUnavailableException or AxisBusinessException)
        {
            log.LogWarning("Could not list the packages waiting for {Organs}: {Error}", string.Join(", ", organs), e.Message);
            return 0;
        }
        var processed = 0;
        foreach (var item in waiting)
        {
            var organ = item.To is { Length: > 0 } to ? to : organs.Count == 1 ? organs.First() : null;
            if (organ is null || !organs.Contains(organ))
            {
                log.LogWarning("Package {DocId} is for {To}, which this system does not speak for: left on the axis", item.DocId, item.To);
                continue;
            }
            using var operation = DocServiceTelemetry.Start("receive").Tag("axis.doc_id", item.DocId);
            try
            {
                var transport = await transports.ForAsync(organ, ct);
                TransportAck ack;
                await using (var scope = scopes.CreateAsyncScope())
                    ack = await scope.ServiceProvider.GetRequiredService<IncomingPackages>().ProcessAsync(organ, transport, item, ct);
                await transport.UpdateStatusAsync(item.DocId, ack, ct);
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
        return processed;
    }

    /// <summary>
    /// Transport state beyond "sent": what the axis says each recipient did with our packages (getSentEdocList per
    /// package), asked while a sent package is not yet acknowledged done by its recipient. The time is the axis's
    /// receivedTime when it gives one.
    /// </summary>
    async Task TrackDeliveriesAsync(string organ, IAxisTransport transport, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var open = await db.Outbox
            .Where(m => m.OrganId == organ && m.State == OutboxState.Sent && m.AxisDocId != null
                && (m.Delivery == null || (m.Delivery != DeliveryState.Done && m.Delivery != DeliveryState.Failed)))
            .OrderByDescending(m => m.SentAt).Take(MaxTrackedPerRound)
            .Select(m => new { m.Id, m.AxisDocId, m.RecipientOrganId, m.Delivery }).ToListAsync(ct);
        foreach (var message in open)
        {
            IReadOnlyList<RecipientState> recipients;
            try
            {
                recipients = await transport.GetSentEdocListAsync(message.AxisDocId!, ct);
            }
            catch (Exception e) when (e is AxisUnavailableException or AxisBusinessException)
            {
                log.LogWarning("Could not ask the axis about package {DocId} {Organ} sent: {Error}", message.AxisDocId, organ, e.Message);
                return;
            }
            if (recipients.FirstOrDefault(r => r.OrganId == message.RecipientOrganId) is { } recipient && recipient.State != message.Delivery)
            {
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Delivery, recipient.State)
                    .SetProperty(m => m.DeliveryUpdatedAt, recipient.ReceivedTime ?? clock.GetUtcNow()), ct);
            }
        }
    }
}
