using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Jobs;

/// <summary>The queues the workers drain: archive packages to write, axis messages and webhook deliveries to send.</summary>
public enum JobQueue
{
    Archive,
    Outbox,
    Notification,
}

/// <summary>How many jobs of a queue are in one state, and since when the oldest of them waits.</summary>
public sealed record QueueStateCount(JobQueue Queue, string State, int Count, DateTimeOffset OldestCreatedAt)
{
    /// <summary>Still to be done: waiting, being worked, or failed and due again (not refused for good).</summary>
    public bool Waiting => State is nameof(ArchiveStatus.Pending) or nameof(ArchiveStatus.Failed) or nameof(ArchiveStatus.Archiving) or nameof(OutboxState.Sending);
}

/// <summary>The queues as the metrics and the admins' job list see them; done jobs (Archived, Sent, Delivered) are left out.</summary>
public static class JobQueues
{
    public static async Task<IReadOnlyList<QueueStateCount>> CountAsync(DocServiceDb db, string? organId, CancellationToken ct)
    {
        var archive = await db.ArchiveJobs.AsNoTracking()
            .Where(j => j.Status != ArchiveStatus.Archived && (organId == null || j.OrganId == organId))
            .GroupBy(j => j.Status)
            .Select(g => new { State = g.Key, Count = g.Count(), Oldest = g.Min(j => j.CreatedAt) })
            .ToListAsync(ct);
        var outbox = await db.Outbox.AsNoTracking()
            .Where(m => m.State != OutboxState.Sent && (organId == null || m.OrganId == organId))
            .GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Oldest = g.Min(m => m.CreatedAt) })
            .ToListAsync(ct);
        var webhooks = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.State != NotificationState.Delivered && (organId == null || d.OrganId == organId))
            .GroupBy(d => d.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Oldest = g.Min(d => d.CreatedAt) })
            .ToListAsync(ct);
        return
        [
            .. archive.Select(a => new QueueStateCount(JobQueue.Archive, a.State.ToString(), a.Count, a.Oldest)),
            .. outbox.Select(o => new QueueStateCount(JobQueue.Outbox, o.State.ToString(), o.Count, o.Oldest)),
            .. webhooks.Select(w => new QueueStateCount(JobQueue.Notification, w.State.ToString(), w.Count, w.Oldest)),
        ];
    }
}
