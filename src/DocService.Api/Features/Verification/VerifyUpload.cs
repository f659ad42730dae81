using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features.Verification;

/// <summary>An auditor uploads any signed PDF — ours or anyone's — and gets the validation report.</summary>
public static class VerifyUpload
{
    public sealed record Command(IFormFile? File) : ICommand<VerificationResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "verification.upload";
        public string AuditTarget => File?.FileName ?? "";
        public object AuditPayload => new { File?.FileName, File?.Length };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (File is null || File.Length == 0)
                yield return ("file", "Attach the signed PDF as the part named 'file'.");
        }
    }

    public static void Map(RouteGroupBuilder verifications, long maxUploadBytes) =>
        verifications.MapPost("/", async (IFormFile? file, IMediator mediator, CancellationToken ct) =>
            {
                var verification = await mediator.Send(new Command(file), ct);
                return TypedResults.Created($"/api/v1/verifications/{verification.Id}", verification);
            })
            .RequireAuthorization(Policies.Member)
            .RequireUploadRateLimit()
            .DisableAntiforgery() // bearer tokens, no cookies
            .WithMetadata(new UploadSizeLimit(maxUploadBytes))
            .Produces<VerificationResponse>(StatusCodes.Status201Created)
            .WithSummary("Validate an uploaded signed PDF")
            .WithDescription("Multipart form with the PDF in the part named `file`. Every signature is judged separately: integrity, coverage, modifications after it, trust, revocation, time, level, ETSI indication. "
                + "The file is kept until `fileKeptUntil` (Verifications:UploadRetention, 30 days by default), then removed; the report stays. "
                + "Kept files count against the organ's quota: beyond it the answer is 429 `verification.quota_exceeded` with Retry-After (when the oldest expires).");

    internal sealed class Handler(Verifier verifier, UploadQuota quota, CurrentUser user, IOptions<DocumentsOptions> options) : ICommandHandler<Command, VerificationResponse>
    {
        public async ValueTask<VerificationResponse> Handle(Command command, CancellationToken ct)
        {
            await PdfUpload.CheckAsync(command.File!, options.Value.MaxUploadBytes, ct);
            var keepUntil = await quota.EnsureRoomForAsync(user.Organ, command.File!.Length, ct);
            await using var pdf = command.File.OpenReadStream();
            var record = await verifier.VerifyUploadAsync(pdf, command.File.FileName, user.Organ, user.UserName, keepUntil, ct);
            return VerificationResponse.From(record);
        }
    }
}
