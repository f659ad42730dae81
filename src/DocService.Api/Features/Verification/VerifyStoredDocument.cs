using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Verification;

/// <summary>Validates the current revision of one of the organ's documents.</summary>
public static class VerifyStoredDocument
{
    public sealed record Command(Guid DocumentId) : ICommand<VerificationResponse>, IAuditedCommand
    {
        public string AuditAction => "verification.document";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId };
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/verifications", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var verification = await mediator.Send(new Command(id), ct);
                return TypedResults.Created($"/api/v1/verifications/{verification.Id}", verification);
            })
            .RequireAuthorization(Policies.Member)
            .RequireUploadRateLimit()
            .Produces<VerificationResponse>(StatusCodes.Status201Created)
            .WithSummary("Validate the current revision of a stored document");

    internal sealed class Handler(DocServiceDb db, RevisionStore revisions, Verifier verifier, CurrentUser user) : ICommandHandler<Command, VerificationResponse>
    {
        public async ValueTask<VerificationResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindAsync(user.Organ, command.DocumentId, ct);
            var revision = document.CurrentRevision;
            await using var pdf = await revisions.OpenAsync(revision, ct);
            var record = await verifier.VerifyAsync(pdf, $"{document.Id:N}-r{revision.Number}.pdf", user.Organ, user.UserName, document.Id, ct);
            return VerificationResponse.From(record);
        }
    }
}
