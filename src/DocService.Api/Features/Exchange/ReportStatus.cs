using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Features.Handling;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Model;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Exchange;

/// <summary>
/// The receiving organ reports how it handles an incoming document: 04 assigned (Registered → Assigned),
/// 05 processing (→ InProgress), 06 completed (→ Completed). The status goes back to the sender through the outbox.
/// </summary>
public static class ReportStatus
{
    public sealed record Request(string Code, string? Note = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.status";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Code, Body.Note };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Parse(Body.Code) is null)
                yield return ("code", "The code must be 04 (assigned), 05 (processing) or 06 (completed).");
            if (Body.Note is { Length: > 2000 })
                yield return ("note", "The note is limited to 2000 characters.");
        }
    }

    internal static StatusCode? Parse(string? code) => code?.Trim() switch
    {
        "04" or "4" => StatusCode.Assigned,
        "05" or "5" => StatusCode.Processing,
        "06" or "6" => StatusCode.Completed,
        _ => null,
    };

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/status",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, Request body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct)).WithETag(http))
            .RequireAuthorization(Policies.Clerk)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Report the handling of an incoming document (04, 05, 06) back to its sender");

    internal sealed class Handler(DocServiceDb db, HandlingSteps steps, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            var code = Parse(command.Body.Code)!.Value;
            switch (code)
            {
                case StatusCode.Assigned: steps.Assign(document, command.Body.Note, command.Body.Note, now); break;
                case StatusCode.Processing: steps.StartProcessing(document, command.Body.Note, now); break;
                default: steps.Complete(document, command.Body.Note, now); break;
            }
            return DocumentResponse.From(document);
        }
    }
}
