using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Drafting.Reports;
using DocService.Signing.Pades;
using DocService.Signing.Validation;
using Mediator;

namespace DocService.Api.Features.Verification;

/// <summary>
/// The report as a PDF in Vietnamese, signed (invisibly) with the organ's organisation key, so the
/// report an auditor hands on can itself be checked.
/// </summary>
public static class DownloadVerificationReport
{
    public sealed record Query(OrganId Organ, Guid Id, ReportLanguage Language) : IQuery<Stream>;

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}/report.pdf", async (Guid id, string? lang, HttpRequest request, CurrentUser user, IMediator mediator, CancellationToken ct) =>
            {
                var language = lang?.ToLowerInvariant() switch
                {
                    null or "" => RequestLanguage.Preferred(request) == Language.English ? ReportLanguage.English : ReportLanguage.Vietnamese,
                    "vi" => ReportLanguage.Vietnamese,
                    "en" => ReportLanguage.English,
                    _ => throw new ApiException(400, "verification.unknown_language", $"The report is written in Vietnamese (lang=vi) or English (lang=en), not '{lang}'."),
                };
                var name = language == ReportLanguage.English ? "validation-report" : "bao-cao-xac-thuc";
                return TypedResults.Stream(await mediator.Send(new Query(user.Organ, id, language), ct), "application/pdf", $"{name}-{id:N}.pdf");
            })
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The validation report as a signed PDF: Vietnamese, or English with ?lang=en or Accept-Language: en");

    internal sealed class Handler(DocServiceDb db, DocumentSigning signing, PadesSigner signer, TimeProvider clock) : IQueryHandler<Query, Stream>
    {
        public async ValueTask<Stream> Handle(Query query, CancellationToken ct)
        {
            var record = await db.FindVerificationAsync(query.Organ, query.Id, ct);
            var response = VerificationResponse.From(record);
            var key = await signing.KeyOfAsync(query.Organ.Value, KeyOwnerKind.Organ, query.Organ.Value, null, ct);

            using var unsigned = new MemoryStream();
            ReportRenderer.Render(VerificationReportDocument.Describe(response, query.Language), unsigned);
            unsigned.Position = 0;
            var signed = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            await signer.SignAsync(unsigned, signed, key, new PadesSignatureOptions
            {
                FieldName = "DocService",
                Reason = query.Language == ReportLanguage.English ? "Signature validation report" : "Báo cáo xác thực chữ ký số",
                SigningTime = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            }, ct);
            signed.Position = 0;
            return signed;
        }
    }
}
