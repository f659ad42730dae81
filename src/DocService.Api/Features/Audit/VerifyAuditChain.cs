using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using Mediator;

namespace DocService.Api.Features.Audit;

/// <summary>Recomputes the whole hash chain and reports the first broken link.</summary>
public static class VerifyAuditChain
{
    public sealed record Query : IQuery<AuditVerification>;

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/verify", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new Query(), ct))
            .RequireAuthorization(Policies.Auditor)
            .WithSummary("Verify the audit chain")
            .WithDescription("The chain spans all organs, so a break anywhere is reported; entries themselves stay organ-scoped.");

    internal sealed class Handler(AuditChain chain) : IQueryHandler<Query, AuditVerification>
    {
        public async ValueTask<AuditVerification> Handle(Query query, CancellationToken ct) => await chain.VerifyAsync(ct);
    }
}
