using System.Text;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using DocService.Signing.Validation.Reports;
using Mediator;

namespace DocService.Api.Features.Verification;

/// <summary>The validation report in the ETSI TS 119 102-2 XML form, for tools that read the standard's format.</summary>
public static class DownloadEtsiReport
{
    public sealed record Query(OrganId Organ, Guid Id) : IQuery<string>;

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}/report.xml", async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new Query(user.Organ, id), ct), "application/xml", Encoding.UTF8))
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .WithSummary("The validation report as ETSI TS 119 102-2 XML");

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken ct)
        {
            var report = VerificationResponse.From(await db.FindVerificationAsync(query.Organ, query.Id, ct)).Report;
            var xml = EtsiValidationReport.From(report);
            return xml.Declaration + Environment.NewLine + xml;
        }
    }
}
