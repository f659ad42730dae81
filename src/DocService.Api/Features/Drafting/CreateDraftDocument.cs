using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Drafting;

/// <summary>
/// A drafter writes a document as structured JSON; the service renders it in the Decree 30 layout,
/// with the number, date and both signature fields, and the PDF becomes revision 1 of a new draft.
/// It shares <c>POST /documents</c> with the PDF upload: the request's Content-Type picks the endpoint.
/// </summary>
public static class CreateDraftDocument
{
    public sealed record Command(Guid DocumentId, DraftRequest Body) : ICommand<DocumentResponse>, IAuditedCommand
    {
        public string AuditAction => "document.draft";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => Body;
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/", Handle)
            .RequireAuthorization(Policies.Drafter)
            .Accepts<DraftRequest>("application/json")
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces<DocumentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Create a draft from structured JSON, rendered to PDF")
            .WithDescription(
                "A structured draft, rendered in the Decree 30 layout with empty `number`, `date`, `signer` and `organisation` " +
                "fields; the document's metadata is read from it. A draft field that is missing or wrong answers 400 " +
                "`validation.failed` with `errors` keyed by its JSON path (e.g. `signer.fullName`). " +
                "Send `Idempotency-Key` to make retries safe.");

    static async Task<IResult> Handle(DraftRequest body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var document = await mediator.Send(new Command(Guid.CreateVersion7(), body), ct);
        return document.CreatedWithETag(http);
    }

    internal sealed class Handler(DocServiceDb db, DraftRevisions drafts, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var (draft, metadata) = DraftRevisions.Read(command.Body);
            var now = clock.GetUtcNow();
            var document = Document.CreateOutgoing(command.DocumentId, user.Organ, metadata, user.UserName, now);
            await drafts.RenderAsync(document, draft, metadata, user.UserName, "Rendered from a draft", now, ct);
            db.Documents.Add(document);
            return DocumentResponse.From(document);
        }
    }
}
