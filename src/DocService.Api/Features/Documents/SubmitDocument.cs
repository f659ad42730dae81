using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Documents;

/// <summary>The drafter sends a draft for review (Draft → InReview).</summary>
public static class SubmitDocument
{
    public sealed record Command(Guid DocumentId, string IfMatch) : ICommand<DocumentResponse>, IAuditedCommand
    {
        public string AuditAction => "document.submit";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId };
    }

    public static void Map(RouteGroupBuilder documents) =>
        TransitionEndpoint.Map(documents, "submit", Policies.Drafter, (id, ifMatch) => new Command(id, ifMatch))
            .WithSummary("Submit a draft for review");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            document.Submit(clock.GetUtcNow());
            return DocumentResponse.From(document);
        }
    }
}
