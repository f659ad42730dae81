using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using DocService.Signing.Validation.Reports;
using Mediator;

namespace DocService.Api.Features.Verification;

/// <summary>The simple report of a validation: one line per signature — who, when, indication, why.</summary>
public static class GetSimpleReport
{
    public sealed record Query(OrganId Organ, Guid Id) : IQuery<SimpleValidationReport>;

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}/simple", async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Query(user.Organ, id), ct))
            .RequireAuthorization(Policies.Member)
            .WithSummary("The simple report: one line per signature (who, when, indication, why)");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, SimpleValidationReport>
    {
        public async ValueTask<SimpleValidationReport> Handle(Query query, CancellationToken ct) =>
            SimpleValidationReport.From(VerificationResponse.From(await db.FindVerificationAsync(query.Organ, query.Id, ct)).Report);
    }
}
