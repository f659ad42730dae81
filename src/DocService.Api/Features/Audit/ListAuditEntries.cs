using DocService.Api.Domain;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Audit;

/// <summary>The organ's audit entries in chain order, a page at a time after a cursor.</summary>
public static class ListAuditEntries
{
    public sealed record Response(IReadOnlyList<AuditEntry> Items, long? NextCursor);

    public sealed record Query(OrganId Organ, long After, int Limit) : IQuery<Response>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (After < 0)
                yield return ("after", "The cursor is a sequence number, 0 or more.");
            if (Limit is < 1 or > 500)
                yield return ("limit", "Ask for 1 to 500 entries.");
        }
    }

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/", async (long? after, int? limit, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, after ?? 0, limit ?? 100), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("Read the audit log")
            .WithDescription("Entries after the `after` cursor (a sequence number); follow `nextCursor` until it is null.");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken ct)
        {
            var items = await db.AuditEntries.AsNoTracking()
                .Where(e => e.OrganId == query.Organ.Value && e.Sequence > query.After)
                .OrderBy(e => e.Sequence)
                .Take(query.Limit + 1)
                .ToListAsync(ct);
            var hasMore = items.Count > query.Limit;
            var page = items.Take(query.Limit).ToList();
            return new Response(page, hasMore ? page[^1].Sequence : null);
        }
    }
}
