using DocService.Api.Infrastructure.Notifications;

namespace DocService.Api.Features.Administration;

/// <summary>An organ's webhook as its admin sees it: never the secret, only that one is set.</summary>
public sealed record WebhookResponse(string OrganId, string Url, IReadOnlyList<string> Events, bool Active, bool HasSecret, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(OrganWebhook webhook) =>
        new(webhook.OrganId, webhook.Url, webhook.Events, webhook.Active, webhook.SealedSecret.Length > 0, webhook.UpdatedBy, webhook.UpdatedAt);
}
