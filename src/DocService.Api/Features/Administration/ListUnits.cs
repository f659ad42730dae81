using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>The organ's units, by code; any member reads them (a leader picks units to assign to).</summary>
public static class ListUnits
{
    public sealed record Query(string Organ, bool IncludeInactive) : IQuery<IReadOnlyList<UnitResponse>>;

    public sealed record Get(string Organ, Guid Id) : IQuery<UnitResponse>;

    public static void Map(RouteGroupBuilder units)
    {
        units.MapGet("/", async (string? organ, bool? includeInactive, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(AdminScope.OrganOf(user, organ).Value, includeInactive ?? false), ct))
            .RequireAuthorization(Policies.MemberOrPlatformAdmin)
            .WithSummary("List the organ's units");
        units.MapGet("/{id:guid}", async (Guid id, string? organ, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Get(AdminScope.OrganOf(user, organ).Value, id), ct))
            .RequireAuthorization(Policies.MemberOrPlatformAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a unit");
    }

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, IReadOnlyList<UnitResponse>>, IQueryHandler<Get, UnitResponse>
    {
        public async ValueTask<IReadOnlyList<UnitResponse>> Handle(Query query, CancellationToken ct) =>
            (await db.Units.AsNoTracking().Where(u => u.OrganId == query.Organ && (query.IncludeInactive || u.Active)).OrderBy(u => u.Code).ToListAsync(ct))
                .Select(UnitResponse.From).ToList();

        public async ValueTask<UnitResponse> Handle(Get query, CancellationToken ct) =>
            UnitResponse.From(await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id && u.OrganId == query.Organ, ct)
                ?? throw ApiException.NotFound($"Unit {query.Id}"));
    }
}
