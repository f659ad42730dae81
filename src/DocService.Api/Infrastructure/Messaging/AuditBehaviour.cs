using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Auth;
using Mediator;

namespace DocService.Api.Infrastructure.Messaging;

/// <summary>After a command's handler succeeds, its audit entry joins the same transaction.</summary>
public sealed class AuditBehaviour<TMessage, TResponse>(AuditChain chain, CurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var response = await next(message, ct);
        if (message is IAuditedCommand audited)
        {
            await chain.AppendAsync(
                new AuditRecord(user.UserName, audited.AuditOrganId ?? user.Organ.Value, audited.AuditAction, audited.AuditTarget, audited.AuditPayload), ct);
        }
        return response;
    }
}
