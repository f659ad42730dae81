using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Where an organ's systems hear what happens to its documents: one HTTPS endpoint, set by the organ's admin, and the
/// secret that signs each body (sealed at rest under <c>Keys:ProtectionKey</c>, never returned).
/// </summary>
public sealed class OrganWebhook
{
    public string OrganId { get; init; } = "";
    public string Url { get; set; } = "";
    public byte[] SealedSecret { get; set; } = [];
    /// <summary>The events sent; empty for every event.</summary>
    public List<string> Events { get; set; } = [];
    public bool Active { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Wants(string eventType) => Active && (Events.Count == 0 || Events.Contains(eventType));

    /// <summary>What the secret is sealed to, so a sealed secret copied to another organ's row does not open.</summary>
    public static string SealingOwner(string organId) => $"webhook:{organId}";
}

public enum WebhookState
{
    /// <summary>Waiting for its first attempt, or for the next after a failure (<see cref="WebhookDelivery.DueAt"/>).</summary>
    Pending,
    /// <summary>A worker holds the lease and is posting it.</summary>
    Sending,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,
    /// <summary>The last attempt failed (no answer, 5xx, 408, 429); it is tried again at <see cref="WebhookDelivery.DueAt"/>.</summary>
    Failed,
    /// <summary>Never retried: the endpoint refused it (another 4xx), the organ has no active webhook, or the attempts ran out.</summary>
    Rejected,
}

/// <summary>
/// One event for one organ's webhook: the webhook outbox. Written in the transaction of the change it reports (or by the
/// deadline scan), posted by <see cref="WebhookWorker"/> with its body exactly as written, retried with backoff.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public string EventType { get; init; } = "";
    public Guid? DocumentId { get; init; }
    /// <summary>The JSON posted, signed as these bytes (UTF-8).</summary>
    public string Body { get; init; } = "";
    /// <summary>Set for events that must be sent once only (a deadline notice per document and due date).</summary>
    public string? OnceKey { get; init; }
    public WebhookState State { get; set; }
    public int Attempts { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

public static class NotificationModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<OrganWebhook>(webhook =>
        {
            webhook.ToTable("OrganWebhooks");
            webhook.HasKey(w => w.OrganId);
            webhook.Property(w => w.OrganId).HasMaxLength(13);
            webhook.Property(w => w.Url).HasMaxLength(2000);
            webhook.Property(w => w.UpdatedBy).HasMaxLength(200);
        });

        model.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("WebhookDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.OrganId).HasMaxLength(13);
            delivery.Property(d => d.EventType).HasMaxLength(64);
            delivery.Property(d => d.OnceKey).HasMaxLength(200);
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.HasIndex(d => new { d.State, d.DueAt });
            delivery.HasIndex(d => new { d.OrganId, d.OnceKey }).IsUnique();
            delivery.HasIndex(d => d.DocumentId);
        });
    }
}
