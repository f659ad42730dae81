using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// The drafter changes the structured draft of a document still in Draft (typically after a
/// rejection): it is rendered again as a new revision and the metadata follows the new text.
/// </summary>
public static class RedraftDocument
{
    public sealed record Command(Guid DocumentId, DraftRequest Body, string IfMatch) : ICommand<DocumentResponse>, IAuditedCommand
    {
        public string AuditAction => "document.redraft";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => Body;
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPut("/{id:guid}/draft",
                async (Guid id, DraftRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var document = await mediator.Send(new Command(id, body, Preconditions.RequireIfMatch(ifMatch)), ct);
                    return document.WithETag(http);
                })
            .RequireAuthorization(Policies.Drafter)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replace a draft's structured text and render it again")
            .WithDescription("Only while the document is a Draft (409 `document.invalid_transition` otherwise). The rendered PDF is a new revision.");

    internal sealed class Handler(DocServiceDb db, DraftRevisions drafts, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var (draft, metadata) = DraftRevisions.Read(command.Body, document);
            await drafts.RenderAsync(document, draft, metadata, user.UserName, "Redrafted", clock.GetUtcNow(), ct);
            return DocumentResponse.From(document);
        }
    }
}
