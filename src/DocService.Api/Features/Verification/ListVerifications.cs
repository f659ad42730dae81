using DocService.Api.Domain;
using DocService.Api.Features.Registers;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Verification;

/// <summary>The organ's past verifications, newest first, for the auditor who has to account for them.</summary>
public static class ListVerifications
{
    public sealed record Summary(Guid Id, Guid? DocumentId, string FileName, string Sha256, long Size, string Indication, string CreatedBy, DateTimeOffset CreatedAt);

    public sealed record Query(OrganId Organ, Guid? DocumentId, string? Indication, DateOnly? From, DateOnly? To, PageRequest Paging)
        : IQuery<PageOf<Summary>>, IValidatable
    {
        public IEnumerable<(string Field, string Problem)> Validate()
        {
            foreach (var problem in Paging.Validate())
                yield return problem;
            if (From > To)
                yield return ("to", "to must not be before from.");
        }
    }

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/", async (Guid? documentId, string? indication, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                    CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, documentId, indication, from, to, PageRequest.From(page, pageSize)), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("List the organ's past verifications")
            .WithDescription("Newest first; `documentId`, `indication` (TotalPassed, Indeterminate, TotalFailed) and `from`/`to` (days, Vietnam time) filter.");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, PageOf<Summary>>
    {
        public async ValueTask<PageOf<Summary>> Handle(Query query, CancellationToken ct)
        {
            var records = db.Verifications.AsNoTracking().Where(v => v.OrganId == query.Organ.Value);
            if (query.DocumentId is { } document)
                records = records.Where(v => v.DocumentId == document);
            if (query.Indication is { Length: > 0 } indication)
                records = records.Where(v => v.Indication == indication);
            if (query.From is { } from)
            {
                var start = RegisterYears.StartOf(from);
                records = records.Where(v => v.CreatedAt >= start);
            }
            if (query.To is { } to)
            {
                var end = RegisterYears.StartOf(to.AddDays(1));
                records = records.Where(v => v.CreatedAt < end);
            }
            var total = await records.CountAsync(ct);
            var items = await records.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Id)
                .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
                .Select(v => new Summary(v.Id, v.DocumentId, v.FileName, v.Sha256, v.Size, v.Indication, v.CreatedBy, v.CreatedAt))
                .ToListAsync(ct);
            return new PageOf<Summary>(items, query.Paging.Page, query.Paging.PageSize, total);
        }
    }
}
