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

/// <summary>How a notification leaves: to the organ's webhook, or by e-mail to an official.</summary>
public enum NotificationChannel
{
    Webhook,
    Email,
}

public enum NotificationState
{
    /// <summary>Waiting for its first attempt, or for the next after a failure (<see cref="NotificationDelivery.DueAt"/>).</summary>
    Pending,
    /// <summary>A worker holds the lease and is posting it.</summary>
    Sending,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,
    /// <summary>The last attempt failed (no answer, 5xx, 408, 429); it is tried again at <see cref="NotificationDelivery.DueAt"/>.</summary>
    Failed,
    /// <summary>Never retried: the endpoint refused it (another 4xx), the organ has no active webhook, or the attempts ran out.</summary>
    Rejected,
}

/// <summary>
/// One event for one organ's webhook or one official's mailbox: the notification outbox. Written in the transaction of
/// the change it reports (or by the deadline scan), sent by <see cref="NotificationWorker"/> with its body exactly as
/// written, retried with backoff.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public string EventType { get; init; } = "";
    public NotificationChannel Channel { get; init; }
    /// <summary>The e-mail address, for an e-mail.</summary>
    public string? Recipient { get; init; }
    /// <summary>An e-mail's subject line.</summary>
    public string? Subject { get; init; }
    public Guid? DocumentId { get; init; }
    /// <summary>A webhook's JSON, signed as these bytes (UTF-8); an e-mail's plain text.</summary>
    public string Body { get; init; } = "";
    /// <summary>Set for events that must be sent once only (a deadline notice per document and due date).</summary>
    public string? OnceKey { get; init; }
    public NotificationState State { get; set; }
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

        model.Entity<NotificationDelivery>(delivery =>
        {
            delivery.ToTable("NotificationDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.OrganId).HasMaxLength(13);
            delivery.Property(d => d.EventType).HasMaxLength(64);
            delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.Recipient).HasMaxLength(320);
            delivery.Property(d => d.Subject).HasMaxLength(400);
            delivery.Property(d => d.OnceKey).HasMaxLength(600);
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.HasIndex(d => new { d.State, d.DueAt });
            delivery.HasIndex(d => new { d.OrganId, d.OnceKey }).IsUnique();
            delivery.HasIndex(d => d.DocumentId);
        });
    }
}
