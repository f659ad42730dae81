using DocService.Api.Domain;
using DocService.Api.Features.Registers;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Audit;

/// <summary>The organ's audit entries in chain order, a page at a time after a cursor, filtered as an auditor asks.</summary>
public static class ListAuditEntries
{
    public sealed record Response(IReadOnlyList<AuditEntryView> Items, long? NextCursor);

    /// <summary><paramref name="From"/> and <paramref name="To"/> are days in Vietnam time, both included.</summary>
    public sealed record Query(
        OrganId Organ, long After, int Limit, Guid? DocumentId = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null)
        : IQuery<Response>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (After < 0)
                yield return ("after", "The cursor is a sequence number, 0 or more.");
            if (Limit is < 1 or > 500)
                yield return ("limit", "Ask for 1 to 500 entries.");
            if (From > To)
                yield return ("to", "to must not be before from.");
            if (Actor is { Length: > 200 } || Action is { Length: > 100 })
                yield return ("actor", "An actor has at most 200 characters and an action at most 100.");
        }
    }

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/", async (long? after, int? limit, Guid? documentId, string? actor, string? action, DateOnly? from, DateOnly? to,
                    CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, after ?? 0, limit ?? 100, documentId, actor, action, from, to), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("Read the audit log")
            .WithDescription("Entries after the `after` cursor (a sequence number); follow `nextCursor` until it is null. Filters: `documentId`, "
                + "`actor` (user), `action` (e.g. document.reject; a trailing `*` matches a prefix such as `document.*`), `from`/`to` (days, Vietnam time). "
                + "Each entry's `details` say what was done; `detailsIntact` is false when they no longer match the hash in the chain.");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken ct)
        {
            var entries = db.AuditEntries.AsNoTracking().Where(e => e.OrganId == query.Organ.Value && e.Sequence > query.After);
            if (query.DocumentId is { } document)
                entries = entries.Where(e => e.Target == document.ToString());
            if (query.Actor is { Length: > 0 } actor)
                entries = entries.Where(e => e.Actor == actor);
            if (query.Action is { Length: > 0 } action)
                entries = action.EndsWith('*') ? entries.Where(e => e.Action.StartsWith(action.TrimEnd('*'))) : entries.Where(e => e.Action == action);
            if (query.From is { } from)
            {
                var start = RegisterYears.StartOf(from);
                entries = entries.Where(e => e.At >= start);
            }
            if (query.To is { } to)
            {
                var end = RegisterYears.StartOf(to.AddDays(1));
                entries = entries.Where(e => e.At < end);
            }
            var items = await entries.OrderBy(e => e.Sequence).Take(query.Limit + 1).ToListAsync(ct);
            var hasMore = items.Count > query.Limit;
            var page = items.Take(query.Limit).ToList();
            return new Response(page.Select(AuditEntryView.From).ToList(), hasMore ? page[^1].Sequence : null);
        }
    }
}
