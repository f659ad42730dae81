using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Documents;

/// <summary>The reviewer sends a document back to its drafter with a comment (InReview → Draft).</summary>
public static class RejectDocument
{
    public sealed record Request(string Comment);

    public sealed record Command(Guid DocumentId, string IfMatch, string Comment) : ICommand<DocumentResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.reject";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Comment };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Comment))
                yield return ("comment", "Say what the drafter should change.");
            else if (Comment.Length > 4000)
                yield return ("comment", "A comment has at most 4000 characters.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/reject",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var document = await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body.Comment ?? ""), ct);
                    return document.WithETag(http);
                })
            .RequireAuthorization(Policies.Reviewer)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Reject a document under review, with a comment");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            document.Reject(command.Comment, clock.GetUtcNow());
            return DocumentResponse.From(document);
        }
    }
}
