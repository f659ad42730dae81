using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Notifications;

/// <summary>
/// Turns what a save changes into webhook deliveries written by that same save, so an event is sent exactly when its
/// change commits — whichever command, worker or channel made it (the clerk's desk, the axis worker, the handling
/// steps): a document registered or refused on arrival, new assignments, a completed handling. New assignments are
/// also e-mailed to the officials assigned (directly or through their unit) when e-mail is configured.
/// </summary>
public sealed class DocumentEvents(IOptions<NotificationOptions> options) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            await RaiseAsync(context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
            RaiseAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    async Task RaiseAsync(DbContext context, CancellationToken ct)
    {
        context.ChangeTracker.DetectChanges();
        var assignments = context.ChangeTracker.Entries<Assignment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .ToLookup(a => a.DocumentId);
        var events = new List<(string Type, Document Document)>();
        foreach (var entry in context.ChangeTracker.Entries<Document>())
        {
            var document = entry.Entity;
            if (document.Kind != DocumentKind.Incoming || entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            if (StatusBecomes(entry, DocumentStatus.Registered))
                events.Add((NotificationEvents.Arrived, document));
            if (StatusBecomes(entry, DocumentStatus.Refused))
                events.Add((NotificationEvents.Refused, document));
            if (assignments.Contains(document.Id) || StatusBecomes(entry, DocumentStatus.Assigned))
                events.Add((NotificationEvents.Assigned, document));
            if (StatusBecomes(entry, DocumentStatus.Completed))
                events.Add((NotificationEvents.Completed, document));
        }
        if (events.Count == 0)
            return;

        var organs = events.Select(e => e.Document.OrganId).Distinct().ToList();
        var webhooks = await context.Set<OrganWebhook>().AsNoTracking().Where(w => organs.Contains(w.OrganId) && w.Active).ToDictionaryAsync(w => w.OrganId, ct);
        foreach (var (type, document) in events)
        {
            if (webhooks.GetValueOrDefault(document.OrganId)?.Wants(type) == true)
                context.Add(NotificationEvents.For(type, document, document.UpdatedAt, type == NotificationEvents.Assigned ? [.. assignments[document.Id]] : null));
            if (type == NotificationEvents.Assigned && options.Value.Smtp.Configured && assignments.Contains(document.Id))
            {
                foreach (var address in await MailNotices.AddressesAsync(context, document.OrganId, assignments[document.Id].Select(a => (a.UnitId, a.UserName)), ct))
                    context.Add(MailNotices.For(type, document, address, document.UpdatedAt));
            }
        }
    }

    static bool StatusBecomes(EntityEntry<Document> entry, DocumentStatus status)
    {
        var property = entry.Property(d => d.Status);
        return property.CurrentValue == status && (entry.State == EntityState.Added || property.OriginalValue != status);
    }
}
