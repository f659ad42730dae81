using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Handling;

/// <summary>
/// The lead (or a leader) records that handling is complete, with what was done: the completion time is what the
/// statistics measure against the due date; over the axis the sender hears 06.
/// </summary>
public static class CompleteHandling
{
    public sealed record Request(string? Text = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<HandlingResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.complete";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Text };

        public IEnumerable<(string Field, string Problem)> Validate() => NoteRules.Check(Body.Text, required: false);
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/completion",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var handling = await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct);
                    http.Response.Headers.ETag = handling.Document.ETag();
                    return TypedResults.Ok(handling);
                })
            .RequireAuthorization(Policies.Member)
            .Produces<HandlingResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Complete the handling of an incoming document (its lead or a leader)");

    internal sealed class Handler(DocServiceDb db, HandlingSteps steps, Handlers handlers, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, HandlingResponse>
    {
        public async ValueTask<HandlingResponse> Handle(Command command, CancellationToken ct)
        {
            var (document, part) = await handlers.RequireAsync(command.DocumentId, ct);
            Preconditions.CheckIfMatch(document, command.IfMatch);
            if (part == HandlerPart.Supporting)
                throw new ApiException(403, "handling.not_lead", "Only the lead (chủ trì) or a leader completes the handling.");
            var now = clock.GetUtcNow();
            var text = command.Body.Text?.Trim() is { Length: > 0 } t ? t : null;
            if (document.Status == DocumentStatus.Assigned)
                steps.StartProcessing(document, null, now);
            steps.Complete(document, text, now);
            await db.Assignments.Where(a => a.DocumentId == document.Id && a.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CompletedAt, now), ct);
            if (text is not null)
                db.ProcessingNotes.Add(ProcessingNote.Write(document, NoteKind.Completion, text, user.UserName, now));
            await db.SaveChangesAsync(ct);
            return await HandlingResponse.ReadAsync(db, document, ct);
        }
    }
}
