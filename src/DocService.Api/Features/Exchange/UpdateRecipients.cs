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
/// The clerk adds organs to or removes organs from a dispatched document's recipients (business type 2): added
/// organs get the document through the outbox as a new package, removed ones an update package that freezes their
/// copy. The document's recipients become the organs that hold it now. An organ once sent the document cannot be
/// added again.
/// </summary>
public static class UpdateRecipients
{
    public sealed record Request(IReadOnlyList<string>? Add = null, IReadOnlyList<string>? Remove = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.recipients";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Add, Body.Remove };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            var (add, remove) = (Body.Add ?? [], Body.Remove ?? []);
            if (add.Count == 0 && remove.Count == 0)
                yield return ("add", "Give organs to add or to remove.");
            foreach (var bad in add.Where(r => !OrganId.TryParse(r, out _)))
                yield return ("add", $"'{bad}' is not an organ code like 000.00.00.H41.");
            foreach (var bad in remove.Where(r => !OrganId.TryParse(r, out _)))
                yield return ("remove", $"'{bad}' is not an organ code like 000.00.00.H41.");
            foreach (var both in add.Intersect(remove))
                yield return ("remove", $"'{both}' cannot be added and removed at once.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/recipients",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, Request body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Add organs to or remove organs from a dispatched document's recipients (update, business type 2)");

    internal sealed class Handler(DocServiceDb db, ExchangeOutbox outbox, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var active = await outbox.ActiveRecipientsAsync(document, ct);
            var everSent = await outbox.EverSentAsync(document, ct);
            var add = (command.Body.Add ?? []).Distinct().ToList();
            var remove = (command.Body.Remove ?? []).Distinct().ToList();
            foreach (var organ in add)
            {
                if (organ == document.OrganId)
                    throw new DomainValidationException("add", "A document is not sent to its own organ.");
                if (everSent.Contains(organ))
                    throw new DomainValidationException("add", $"{organ} was already sent the document.");
            }
            foreach (var organ in remove.Where(r => !active.Contains(r)))
                throw new DomainValidationException("remove", $"{organ} does not hold the document.");

            var now = clock.GetUtcNow();
            document.ChangeRecipients(active.Except(remove).Concat(add), now);
            outbox.UpdateRecipients(document, add, remove, now);
            return DocumentResponse.From(document);
        }
    }
}
