using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Keys;

/// <summary>The organ's held keys, with certificate details only.</summary>
public static class ListSigningKeys
{
    public sealed record Query(OrganId Organ) : IQuery<IReadOnlyList<KeyResponse>>;

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/keys", async (CurrentUser user, IMediator mediator, CancellationToken ct) => await mediator.Send(new Query(user.Organ), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("List the organ's signing keys (certificate details only)");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, IReadOnlyList<KeyResponse>>
    {
        public async ValueTask<IReadOnlyList<KeyResponse>> Handle(Query query, CancellationToken ct)
        {
            var keys = await db.SigningKeys.AsNoTracking().Where(k => k.OrganId == query.Organ.Value).ToListAsync(ct);
            return keys.OrderBy(k => k.OwnerKind).ThenBy(k => k.OwnerId).ThenBy(k => k.NotAfter).Select(KeyResponse.From).ToList();
        }
    }
}
