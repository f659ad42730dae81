using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Exchange;

/// <summary>
/// The clerk asks every recipient for the dispatched document back (Dispatched → RevokeRequested): a revoke package
/// (business type 1) to each organ that holds it, and status 13 in each one's history. The recipients answer 15 or 16;
/// when all agreed the document is Revoked, when all answered and some refused it is Dispatched again.
/// </summary>
public static class RevokeDocument
{
    public sealed record Request(string Reason);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.revoke";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Reason };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Body.Reason))
                yield return ("reason", "A revoke request gives its reason (BussinessDocReason).");
            else if (Body.Reason.Length > 2000)
                yield return ("reason", "The reason is limited to 2000 characters.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/revoke",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, Request body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Ask every recipient for the dispatched document back (revoke, status 13)");

    internal sealed class Handler(DocServiceDb db, ExchangeOutbox outbox, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            document.RequestRevoke(now);
            var recipients = await outbox.ActiveRecipientsAsync(document, ct);
            if (recipients.Count == 0)
                throw new DomainValidationException("recipients", "No organ holds the document any more: there is nothing to revoke.");
            outbox.Revoke(document, recipients, command.Body.Reason.Trim(), now);
            return DocumentResponse.From(document);
        }
    }
}
