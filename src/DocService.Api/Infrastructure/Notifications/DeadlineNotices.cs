using DocService.Api.Domain;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Writes the "due soon" and "overdue" notices of open incoming documents, once per document and due date each (a
/// new due date is announced again), for the organs whose webhook wants them. Days are Vietnam's.
/// </summary>
public sealed class DeadlineNotices(DocServiceDb db, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeadlineNotices> log)
{
    public async Task WriteDueAsync(CancellationToken ct)
    {
        var webhooks = await db.OrganWebhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct);
        var organs = webhooks.Where(w => w.Wants(WebhookEvents.DueSoon) || w.Wants(WebhookEvents.Overdue)).Select(w => w.OrganId).ToList();
        if (organs.Count == 0)
            return;
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(now);
        var horizon = today.AddDays(options.Value.DueSoonDays);
        var open = await db.Documents.AsNoTracking()
            .Where(d => organs.Contains(d.OrganId) && d.Kind == DocumentKind.Incoming && d.Frozen == null && d.DueDate != null && d.DueDate <= horizon
                && (d.Status == DocumentStatus.Registered || d.Status == DocumentStatus.Assigned || d.Status == DocumentStatus.InProgress))
            .ToListAsync(ct);
        if (open.Count == 0)
            return;
        var wanted = webhooks.ToDictionary(w => w.OrganId);
        var notices = open
            .Select(d => (Document: d, Type: d.DueDate < today ? WebhookEvents.Overdue : WebhookEvents.DueSoon))
            .Where(n => wanted[n.Document.OrganId].Wants(n.Type))
            .Select(n => (n.Document, n.Type, Key: $"{n.Type}:{n.Document.Id:N}:{n.Document.DueDate:yyyy-MM-dd}"))
            .ToList();
        var keys = notices.Select(n => n.Key).ToList();
        var sent = (await db.WebhookDeliveries.AsNoTracking().Where(w => w.OnceKey != null && keys.Contains(w.OnceKey)).Select(w => w.OnceKey!).ToListAsync(ct))
            .ToHashSet();
        foreach (var (document, type, key) in notices.Where(n => !sent.Contains(n.Key)))
        {
            db.WebhookDeliveries.Add(WebhookEvents.For(type, document, now, onceKey: key));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                // Another node wrote the same notice first (the unique OnceKey): it is sent once all the same.
                log.LogDebug(e, "Deadline notice {Key} was written by another node", key);
                db.ChangeTracker.Clear();
            }
        }
    }
}
