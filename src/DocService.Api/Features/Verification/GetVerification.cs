using DocService.Api.Domain;
using DocService.Api.Domain.Verification;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Verification;

/// <summary>A report given earlier, exactly as it was given.</summary>
public static class GetVerification
{
    public sealed record Query(OrganId Organ, Guid Id) : IQuery<VerificationResponse>;

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}", async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, id), ct))
            .RequireAuthorization(Policies.Member)
            .WithSummary("Read a validation report");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, VerificationResponse>
    {
        public async ValueTask<VerificationResponse> Handle(Query query, CancellationToken ct) =>
            VerificationResponse.From(await db.FindVerificationAsync(query.Organ, query.Id, ct));
    }
}

public static class VerificationQueries
{
    /// <summary>Another organ's report answers 404, like a missing one.</summary>
    public static async Task<VerificationRecord> FindVerificationAsync(this DocServiceDb db, OrganId organ, Guid id, CancellationToken ct) =>
        await db.Verifications.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.OrganId == organ.Value, ct)
        ?? throw ApiException.NotFound($"Verification {id}");
}
