using System.Net;
using System.Text;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Posts due webhook deliveries, claimed as the dispatch worker claims axis messages (one conditional UPDATE whose row
/// count says which node won), and each round first writes the deadline notices that have come due. An answer 2xx
/// delivers; no answer, 5xx, 408 and 429 are retried with backoff; another 4xx is the receiver's refusal and final.
/// The organ's URL and secret are read when posting, so fixing a wrong one helps the deliveries still waiting.
/// </summary>
public sealed class WebhookWorker(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<WebhookWorker> log)
    : BackgroundService
{
    public const string HttpClientName = "webhooks";
    const int MaxErrorLength = 2000;
    readonly Guid _id = Guid.NewGuid();
    readonly Random _random = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? PollingLoop.RunAsync(RunOnceAsync, options.Value.PollInterval, clock, log, "webhook", stoppingToken)
        : Task.CompletedTask;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DeadlineNotices>().WriteDueAsync(ct);
        var claimed = await ClaimAsync(ct);
        foreach (var id in claimed)
            await PostAsync(id, ct);
        return claimed.Count;
    }

    async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var now = clock.GetUtcNow();
        var candidates = await Due(db.WebhookDeliveries, now).OrderBy(d => d.DueAt).Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var won = await Due(db.WebhookDeliveries.Where(d => d.Id == id), now).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, WebhookState.Sending)
                .SetProperty(d => d.LeaseOwner, _id)
                .SetProperty(d => d.LeaseUntil, leaseUntil)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (won == 1)
                claimed.Add(id);
        }
        return claimed;
    }

    static IQueryable<WebhookDelivery> Due(IQueryable<WebhookDelivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d => ((d.State == WebhookState.Pending || d.State == WebhookState.Failed) && d.DueAt <= now)
                              || (d.State == WebhookState.Sending && d.LeaseUntil < now));

    async Task PostAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        var webhook = await db.OrganWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.OrganId == delivery.OrganId, ct);
        if (webhook is null || !webhook.Active)
        {
            await FinishAsync(db, id, WebhookState.Rejected, null, "The organ has no active webhook.", ct);
            return;
        }
        try
        {
            var secret = scope.ServiceProvider.GetRequiredService<KeyVault>().OpenSecret(webhook.SealedSecret, OrganWebhook.SealingOwner(webhook.OrganId));
            var body = Encoding.UTF8.GetBytes(delivery.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, secret));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                await FinishAsync(db, id, WebhookState.Delivered, status, null, ct);
            else if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                await RetryAsync(db, id, status, $"The endpoint answered {status}.", ct);
            else
                await FinishAsync(db, id, WebhookState.Rejected, status, $"The endpoint refused the delivery ({status}).", ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            await RetryAsync(db, id, null, e is OperationCanceledException ? "No answer within the timeout." : $"{e.GetType().Name}: {e.Message}", ct);
        }
    }

    async Task RetryAsync(DocServiceDb db, Guid id, int? status, string error, CancellationToken ct)
    {
        var attempts = await db.WebhookDeliveries.Where(d => d.Id == id).Select(d => d.Attempts).SingleAsync(ct);
        if (attempts >= options.Value.MaxAttempts)
        {
            await FinishAsync(db, id, WebhookState.Rejected, status, $"Given up after {attempts} attempts; the last: {error}", ct);
            return;
        }
        var delay = options.Value.Backoff(attempts, _random);
        await db.WebhookDeliveries.Where(d => d.Id == id && d.LeaseOwner == _id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, WebhookState.Failed)
            .SetProperty(d => d.LastStatus, status)
            .SetProperty(d => d.LastError, Truncate(error))
            .SetProperty(d => d.DueAt, clock.GetUtcNow() + delay)
            .SetProperty(d => d.LeaseOwner, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);
        log.LogWarning("Webhook delivery {Id} failed (attempt {Attempts}), retrying in {Delay}: {Error}", id, attempts, delay, error);
    }

    async Task FinishAsync(DocServiceDb db, Guid id, WebhookState state, int? status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.WebhookDeliveries.Where(d => d.Id == id && d.LeaseOwner == _id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.LastStatus, status)
            .SetProperty(d => d.LastError, error == null ? null : Truncate(error))
            .SetProperty(d => d.DeliveredAt, state == WebhookState.Delivered ? now : null)
            .SetProperty(d => d.LeaseOwner, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);
        if (state == WebhookState.Rejected)
            log.LogWarning("Webhook delivery {Id} is not retried: {Error}", id, error);
    }

    static string Truncate(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
