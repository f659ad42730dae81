using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>Reads organs: the platform admin all of them, an organ's admin their own and the organs under it.</summary>
public static class ListOrgans
{
    public sealed record Query(string? Within, string? Parent, bool IncludeInactive, PageRequest Paging) : IQuery<PageOf<OrganResponse>>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate() => Paging.Validate();
    }

    public sealed record Get(string Id, string? Within) : IQuery<OrganResponse>;

    public static void Map(RouteGroupBuilder organs)
    {
        organs.MapGet("/", async (string? parent, bool? includeInactive, int? page, int? pageSize, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(Within(user), parent, includeInactive ?? false, PageRequest.From(page, pageSize)), ct))
            .RequireAuthorization(Policies.OrganAdmin)
            .WithSummary("List organs")
            .WithDescription("The platform admin sees every organ; an organ's admin sees their organ and the organs whose parent it is. `parent` filters by parent code.");
        organs.MapGet("/{id}", async (string id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Get(id, Within(user)), ct))
            .RequireAuthorization(Policies.OrganAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read an organ");
    }

    /// <summary>The organ whose subtree the caller may read; null for the platform admin, who reads all.</summary>
    static string? Within(CurrentUser user) => user.IsInRole(Roles.PlatformAdmin) ? null : user.Organ.Value;

    static IQueryable<Organ> Visible(DocServiceDb db, string? within) =>
        within is null ? db.Organs.AsNoTracking() : db.Organs.AsNoTracking().Where(o => o.Id == within || o.ParentId == within);

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, PageOf<OrganResponse>>, IQueryHandler<Get, OrganResponse>
    {
        public async ValueTask<PageOf<OrganResponse>> Handle(Query query, CancellationToken ct)
        {
            var organs = Visible(db, query.Within);
            if (query.Parent is { Length: > 0 } parent)
                organs = organs.Where(o => o.ParentId == parent);
            if (!query.IncludeInactive)
                organs = organs.Where(o => o.Active);
            var total = await organs.CountAsync(ct);
            var items = await organs.OrderBy(o => o.Id).Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToListAsync(ct);
            return new PageOf<OrganResponse>(items.Select(OrganResponse.From).ToList(), query.Paging.Page, query.Paging.PageSize, total);
        }

        public async ValueTask<OrganResponse> Handle(Get query, CancellationToken ct) =>
            OrganResponse.From(await Visible(db, query.Within).SingleOrDefaultAsync(o => o.Id == query.Id, ct) ?? throw ApiException.NotFound($"Organ {query.Id}"));
    }
}
