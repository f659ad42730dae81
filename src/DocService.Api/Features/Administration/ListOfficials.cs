using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>The organ's officials by name; any member reads the directory (a leader picks whom to assign).</summary>
public static class ListOfficials
{
    public sealed record Query(string Organ, Guid? UnitId, string? Role, bool IncludeInactive, PageRequest Paging) : IQuery<PageOf<OfficialResponse>>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => Paging.Validate();
    }

    public sealed record Get(string Organ, string UserName) : IQuery<OfficialResponse>;

    public static void Map(RouteGroupBuilder users)
    {
        users.MapGet("/", async (string? organ, Guid? unitId, string? role, bool? includeInactive, int? page, int? pageSize, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(AdminScope.OrganOf(user, organ).Value, unitId, role, includeInactive ?? false, PageRequest.From(page, pageSize)), ct))
            .RequireAuthorization(Policies.MemberOrPlatformAdmin)
            .WithSummary("List the organ's officials")
            .WithDescription("`unitId` and `role` filter; deactivated officials only with `includeInactive=true`.");
        users.MapGet("/{userName}", async (string userName, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Get(AdminScope.OrganOf(user, organ).Value, userName), ct))
            .RequireAuthorization(Policies.MemberOrPlatformAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read an official");
    }

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, PageOf<OfficialResponse>>, IQueryHandler<Get, OfficialResponse>
    {
        public async ValueTask<PageOf<OfficialResponse>> Handle(Query query, CancellationToken ct)
        {
            var officials = db.Officials.AsNoTracking().Where(o => o.OrganId == query.Organ);
            if (!query.IncludeInactive)
                officials = officials.Where(o => o.Active);
            if (query.UnitId is { } unit)
                officials = officials.Where(o => o.UnitId == unit);
            var all = await officials.OrderBy(o => o.FullName).ThenBy(o => o.UserName).ToListAsync(ct);
            // Roles are a JSON column: filtered here, where both providers agree on what "contains" means.
            if (query.Role is { Length: > 0 } role)
                all = all.Where(o => o.Roles.Contains(role)).ToList();
            var page = all.Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToList();
            return new PageOf<OfficialResponse>(await db.ToResponsesAsync(query.Organ, page, ct), query.Paging.Page, query.Paging.PageSize, all.Count);
        }

        public async ValueTask<OfficialResponse> Handle(Get query, CancellationToken ct) =>
            await db.ToResponseAsync(await OfficialRules.FindAsync(db, query.Organ, query.UserName, ct), ct);
    }
}
