using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Handling;

/// <summary>
/// An official handling the document records an opinion (ý kiến xử lý). The lead's first opinion starts the
/// processing (over the axis the sender hears 05).
/// </summary>
public static class RecordOpinion
{
    public sealed record Request(string Text);

    public sealed record Command(Guid DocumentId, Request Body) : ICommand<HandlingResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.opinion";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Text };

        public IEnumerable<(string Field, string Problem)> Validate() => NoteRules.Check(Body.Text, required: true);
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/opinions", async (Guid id, Request body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), ct)))
            .RequireAuthorization(Policies.Member)
            .Produces<HandlingResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a processing opinion on an assigned document (its assignees or a leader)");

    internal sealed class Handler(DocServiceDb db, HandlingSteps steps, Handlers handlers, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, HandlingResponse>
    {
        public async ValueTask<HandlingResponse> Handle(Command command, CancellationToken ct)
        {
            var (document, part) = await handlers.RequireAsync(command.DocumentId, ct);
            if (document.Status is not (DocumentStatus.Assigned or DocumentStatus.InProgress))
                throw new InvalidTransitionException(document.Status, DocumentAction.StartProcessing);
            var now = clock.GetUtcNow();
            if (document.Status == DocumentStatus.Assigned && part is HandlerPart.Lead or HandlerPart.Leader)
                steps.StartProcessing(document, command.Body.Text.Trim(), now);
            db.ProcessingNotes.Add(ProcessingNote.Write(document, NoteKind.Opinion, command.Body.Text.Trim(), user.UserName, now));
            await db.SaveChangesAsync(ct);
            return await HandlingResponse.ReadAsync(db, document, ct);
        }
    }
}

static class NoteRules
{
    public static IEnumerable<(string Field, string Problem)> Check(string? text, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
            yield return ("text", "Write the opinion.");
        else if (text is { Length: > 4000 })
            yield return ("text", "A note has at most 4000 characters.");
    }
}
