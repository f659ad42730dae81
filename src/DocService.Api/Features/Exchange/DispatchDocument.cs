using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Exchange;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DocService.Api.Features.Exchange;

/// <summary>
/// The clerk sends the archived document to its recipient organs over the axis (Archived → Dispatched): one
/// outbox message per recipient, written in this command's transaction; the dispatch worker sends them. The
/// recipients are the body's list, or the document's own. A document that replaces an earlier dispatched one
/// (<c>replaces</c>) goes as a replace package (business type 3) naming it: the receivers link the two and freeze the earlier.
/// </summary>
public static class DispatchDocument
{
    /// <summary><c>Replaces</c>: an earlier dispatched document of this organ that this one replaces (business type 3).</summary>
    public sealed record Request(IReadOnlyList<string>? Recipients = null, Guid? Replaces = null);

    public sealed record Command(Guid DocumentId, string IfMatch, IReadOnlyList<string>? Recipients, Guid? Replaces = null)
        : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.dispatch";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Recipients, Replaces };

        public IEnumerable<(string Field, string Problem)> Validate() =>
            (Recipients ?? []).Where(r => !OrganId.TryParse(r, out _))
                .Select(r => ("recipients", $"'{r}' is not an organ code like 000.00.00.H41."));
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/dispatch",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Request? body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body?.Recipients, body?.Replaces), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Send the archived document to its recipient organs over the axis");

    internal sealed class Handler(DocServiceDb db, ExchangeOutbox outbox, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var recipients = (command.Recipients is { Count: > 0 } given ? given : document.Recipients)
                .Where(r => r != document.OrganId).Distinct().ToList();
            if (recipients.Count == 0)
                throw new DomainValidationException("recipients", "The document names no recipient organ: give them in the request.");
            (Document, IReadOnlyList<string>)? replaces = null;
            if (command.Replaces is { } replacedId)
            {
                if (replacedId == document.Id)
                    throw new DomainValidationException("replaces", "A document does not replace itself.");
                var replaced = await db.FindAsync(user.Organ, replacedId, ct);
                if (replaced.Kind != DocumentKind.Outgoing || replaced.Status is not (DocumentStatus.Dispatched or DocumentStatus.Revoked))
                    throw new DomainValidationException("replaces", $"Document {replacedId} is not a dispatched outgoing document.");
                replaces = (replaced, await outbox.EverSentAsync(replaced, ct));
            }
            var now = clock.GetUtcNow();
            document.Dispatch(now);
            outbox.Dispatch(document, recipients, now, replaces);
            return DocumentResponse.From(document);
        }
    }
}
