using DocService.Api.Domain;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Writes the "due soon" and "overdue" notices of open incoming documents, once per document and due date each (a
/// new due date is announced again): to the organs' webhooks that want them and, when e-mail is configured, to the
/// officials leading the document. Days are Vietnam's.
/// </summary>
public sealed class DeadlineNotices(DocServiceDb db, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeadlineNotices> log)
{
    public async Task WriteDueAsync(CancellationToken ct)
    {
        var webhooks = (await db.OrganWebhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct)).ToDictionary(w => w.OrganId);
        var mail = options.Value.Smtp.Configured;
        var organs = webhooks.Values.Where(w => w.Wants(NotificationEvents.DueSoon) || w.Wants(NotificationEvents.Overdue)).Select(w => w.OrganId).ToList();
        if (organs.Count == 0 && !mail)
            return;
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(now);
        var horizon = today.AddDays(options.Value.DueSoonDays);
        var open = await db.Documents.AsNoTracking()
            .Where(d => (mail || organs.Contains(d.OrganId)) && d.Kind == DocumentKind.Incoming && d.Frozen == null && d.DueDate != null && d.DueDate <= horizon
                && (d.Status == DocumentStatus.Registered || d.Status == DocumentStatus.Assigned || d.Status == DocumentStatus.InProgress))
            .ToListAsync(ct);
        if (open.Count == 0)
            return;
        var leads = mail ? await MailNotices.LeadsAsync(db, [.. open.Select(d => d.Id)], ct) : [];
        var notices = new List<NotificationDelivery>();
        foreach (var document in open)
        {
            var type = document.DueDate < today ? NotificationEvents.Overdue : NotificationEvents.DueSoon;
            var key = $"{type}:{document.Id:N}:{document.DueDate:yyyy-MM-dd}";
            if (webhooks.GetValueOrDefault(document.OrganId)?.Wants(type) == true)
                notices.Add(NotificationEvents.For(type, document, now, onceKey: key));
            if (leads.TryGetValue(document.Id, out var lead))
                notices.AddRange((await MailNotices.AddressesAsync(db, document.OrganId, [lead], ct)).Select(address => MailNotices.For(type, document, address, now, key)));
        }
        var keys = notices.Select(n => n.OnceKey!).ToList();
        var sent = (await db.NotificationDeliveries.AsNoTracking().Where(n => n.OnceKey != null && keys.Contains(n.OnceKey)).Select(n => n.OnceKey!).ToListAsync(ct))
            .ToHashSet();
        foreach (var notice in notices.Where(n => !sent.Contains(n.OnceKey!)))
        {
            db.NotificationDeliveries.Add(notice);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                // Another node wrote the same notice first (the unique OnceKey): it is sent once all the same.
                log.LogDebug(e, "Deadline notice {Key} was written by another node", notice.OnceKey);
                db.ChangeTracker.Clear();
            }
        }
    }
}
