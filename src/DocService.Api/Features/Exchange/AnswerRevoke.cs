using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Model;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Exchange;

/// <summary>
/// The receiving clerk answers the sender's revoke request on a frozen incoming document: agreed (status 15), the
/// document is Withdrawn; refused (16), it is unfrozen and handled as before. The answer goes back through the outbox.
/// </summary>
public static class AnswerRevoke
{
    public sealed record Request(bool Agree, string? Note = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.revoke_response";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Agree, Body.Note };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.Note is { Length: > 2000 })
                yield return ("note", "The note is limited to 2000 characters.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/revoke-response",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, Request body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Answer the sender's revoke request on an incoming document: agree (15) or refuse (16)");

    internal sealed class Handler(DocServiceDb db, ExchangeOutbox outbox, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            document.AnswerRevoke(command.Body.Agree, now);
            if (document.SenderDocumentId is not null && document.SenderOrganId is not null)
                outbox.Statuses(document, now, (command.Body.Agree ? StatusCode.RevokeAgreed : StatusCode.RevokeRefused, command.Body.Note));
            return DocumentResponse.From(document);
        }
    }
}
