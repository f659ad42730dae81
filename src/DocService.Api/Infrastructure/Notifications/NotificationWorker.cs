using System.Net;
using System.Text;
using DocService.Api.Infrastructure.Keys;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Sends due notifications — webhook posts and e-mails — claimed as the dispatch worker claims axis messages (one
/// conditional UPDATE whose row count says which node won); each round first writes the deadline notices that have
/// come due. A webhook answer 2xx delivers; no answer, 5xx, 408 and 429 are retried with backoff; another 4xx is the
/// receiver's refusal and final. The organ's URL and secret are read when posting, so fixing a wrong one helps the
/// deliveries still waiting. A mail relay that refuses a recipient (5xx) is final too; other failures are retried.
/// </summary>
public sealed class NotificationWorker(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationWorker> log)
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
        var candidates = await Due(db.NotificationDeliveries, now).OrderBy(d => d.DueAt).Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var won = await Due(db.NotificationDeliveries.Where(d => d.Id == id), now).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, NotificationState.Sending)
                .SetProperty(d => d.LeaseOwner, _id)
                .SetProperty(d => d.LeaseUntil, leaseUntil)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (won == 1)
                claimed.Add(id);
        }
        return claimed;
    }

    static IQueryable<NotificationDelivery> Due(IQueryable<NotificationDelivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d => ((d.State == NotificationState.Pending || d.State == NotificationState.Failed) && d.DueAt <= now)
                              || (d.State == NotificationState.Sending && d.LeaseUntil < now));

    async Task PostAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocServiceDb>();
        var delivery = await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        if (delivery.Channel == NotificationChannel.Email)
        {
            await MailAsync(db, delivery, ct);
            return;
        }
        var webhook = await db.OrganWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.OrganId == delivery.OrganId, ct);
        if (webhook is null || !webhook.Active)
        {
            await FinishAsync(db, id, NotificationState.Rejected, null, "The organ has no active webhook.", ct);
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
                await FinishAsync(db, id, NotificationState.Delivered, status, null, ct);
            else if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                await RetryAsync(db, id, status, $"The endpoint answered {status}.", ct);
            else
                await FinishAsync(db, id, NotificationState.Rejected, status, $"The endpoint refused the delivery ({status}).", ct);
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

    /// <summary>One message through the configured relay; a relay that refuses the recipient (5xx) is final, anything else is retried.</summary>
    async Task MailAsync(DocServiceDb db, NotificationDelivery delivery, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.Configured)
        {
            await FinishAsync(db, delivery.Id, NotificationState.Rejected, null, "E-mail is not configured (Notifications:Smtp:Host, From).", ct);
            return;
        }
        if (!MimeKit.MailboxAddress.TryParse(delivery.Recipient ?? "", out var recipient))
        {
            await FinishAsync(db, delivery.Id, NotificationState.Rejected, null, $"'{delivery.Recipient}' is not an e-mail address.", ct);
            return;
        }
        var message = new MimeKit.MimeMessage();
        message.From.Add(new MimeKit.MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(recipient);
        message.Subject = delivery.Subject ?? "";
        message.MessageId = $"{delivery.Id:N}@docservice";
        message.Body = new MimeKit.TextPart("plain") { Text = delivery.Body };
        try
        {
            using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)options.Value.RequestTimeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, ct);
            if (smtp.UserName is { Length: > 0 } user)
                await client.AuthenticateAsync(user, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            await FinishAsync(db, delivery.Id, NotificationState.Delivered, null, null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (MailKit.Net.Smtp.SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            await FinishAsync(db, delivery.Id, NotificationState.Rejected, (int)refused.StatusCode, $"The relay refused it: {refused.Message}", ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException
                                   or MailKit.Security.AuthenticationException or TimeoutException or OperationCanceledException or MailKit.ServiceNotConnectedException)
        {
            await RetryAsync(db, delivery.Id, null, $"{e.GetType().Name}: {e.Message}", ct);
        }
    }

    async Task RetryAsync(DocServiceDb db, Guid id, int? status, string error, CancellationToken ct)
    {
        var attempts = await db.NotificationDeliveries.Where(d => d.Id == id).Select(d => d.Attempts).SingleAsync(ct);
        if (attempts >= options.Value.MaxAttempts)
        {
            await FinishAsync(db, id, NotificationState.Rejected, status, $"Given up after {attempts} attempts; the last: {error}", ct);
            return;
        }
        var delay = options.Value.Backoff(attempts, _random);
        await db.NotificationDeliveries.Where(d => d.Id == id && d.LeaseOwner == _id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, NotificationState.Failed)
            .SetProperty(d => d.LastStatus, status)
            .SetProperty(d => d.LastError, Truncate(error))
            .SetProperty(d => d.DueAt, clock.GetUtcNow() + delay)
            .SetProperty(d => d.LeaseOwner, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);
        log.LogWarning("Webhook delivery {Id} failed (attempt {Attempts}), retrying in {Delay}: {Error}", id, attempts, delay, error);
    }

    async Task FinishAsync(DocServiceDb db, Guid id, NotificationState state, int? status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.NotificationDeliveries.Where(d => d.Id == id && d.LeaseOwner == _id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.LastStatus, status)
            .SetProperty(d => d.LastError, error == null ? null : Truncate(error))
            .SetProperty(d => d.DeliveredAt, state == NotificationState.Delivered ? now : null)
            .SetProperty(d => d.LeaseOwner, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);
        if (state == NotificationState.Rejected)
            log.LogWarning("Webhook delivery {Id} is not retried: {Error}", id, error);
    }

    static string Truncate(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
