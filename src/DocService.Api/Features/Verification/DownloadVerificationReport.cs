using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Auth;
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
    public sealed record Query(OrganId Organ, Guid Id) : IQuery<Stream>;

    public static void Map(RouteGroupBuilder verifications) =>
        verifications.MapGet("/{id:guid}/report.pdf", async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Stream(await mediator.Send(new Query(user.Organ, id), ct), "application/pdf", $"bao-cao-xac-thuc-{id:N}.pdf"))
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The validation report as a signed PDF (Vietnamese)");

    internal sealed class Handler(DocServiceDb db, DocumentSigning signing, PadesSigner signer, TimeProvider clock) : IQueryHandler<Query, Stream>
    {
        public async ValueTask<Stream> Handle(Query query, CancellationToken ct)
        {
            var record = await db.FindVerificationAsync(query.Organ, query.Id, ct);
            var response = VerificationResponse.From(record);
            var key = await signing.KeyOfAsync(query.Organ.Value, KeyOwnerKind.Organ, query.Organ.Value, null, ct);

            using var unsigned = new MemoryStream();
            ReportRenderer.Render(Describe(response), unsigned);
            unsigned.Position = 0;
            var signed = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            await signer.SignAsync(unsigned, signed, key, new PadesSignatureOptions
            {
                FieldName = "DocService",
                Reason = "Báo cáo xác thực chữ ký số",
                SigningTime = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            }, ct);
            signed.Position = 0;
            return signed;
        }
    }

    static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "không xác định";

    static ReportDocument Describe(VerificationResponse r) => new(
        "BÁO CÁO XÁC THỰC CHỮ KÝ SỐ",
        [
            $"Tệp: {r.FileName} ({r.Size} byte, SHA-256 {r.Sha256})",
            $"Thời điểm xác thực: {Time(r.ValidationTime)}; số phiên bản: {r.Revisions}",
            $"Kết luận: {r.Indication}{(r.SubIndication is { } s ? " / " + s : "")} — {r.Message.Vi}",
        ],
        [.. r.Signatures.Select((s, i) => new ReportSection($"Chữ ký {i + 1}: {s.FieldName} ({s.SignerName ?? "không rõ người ký"})",
        [
            $"Kết luận: {s.Indication}{(s.SubIndication is { } sub ? " / " + sub : "")} — {s.Message.Vi}",
            $"Toàn vẹn: {(s.Integrity.Valid ? "hợp lệ" : "không hợp lệ")}; ByteRange: {(s.ByteRangeValid ? "hợp lệ" : "không hợp lệ")}; phạm vi: {s.Coverage}{(s.CoveredRevision is { } cr ? $" (phiên bản {cr})" : "")}",
            $"Thay đổi sau khi ký: {s.ModificationsAfter}; {(s.ModificationsPermitted ? "được phép" : "không được phép")}",
            $"Tin cậy: {s.Trust.Status}; thu hồi: {s.Revocation.Status}",
            $"Thời điểm ký tốt nhất: {Time(s.BestSignatureTime)} ({s.BestSignatureTimeSource}); mức: {s.Level} — {s.LevelReason}",
            .. s.Integrity.Reasons.Concat(s.Trust.Reasons).Concat(s.Revocation.Reasons).Select(reason => "• " + reason),
        ])),
        .. r.Problems.Count > 0 ? new[] { new ReportSection("Vấn đề khác", r.Problems) } : []]);
}
