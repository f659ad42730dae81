using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Documents;

/// <summary>The competent signer approves the reviewed text (InReview → Approved), ready to sign.</summary>
public static class ApproveDocument
{
    public sealed record Command(Guid DocumentId, string IfMatch) : ICommand<DocumentResponse>, IAuditedCommand
    {
        public string AuditAction => "document.approve";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId };
    }

    public static void Map(RouteGroupBuilder documents) =>
        TransitionEndpoint.Map(documents, "approve", Policies.Reviewer, (id, ifMatch) => new Command(id, ifMatch))
            .WithSummary("Approve a document under review");

    internal sealed class Handler(DocServiceDb db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            document.Approve(clock.GetUtcNow());
            return DocumentResponse.From(document);
        }
    }
}
