using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Infrastructure.Messaging;

/// <summary>
/// Every command runs in one database transaction: what the handler changed, the register number
/// it took and the audit entry commit together, or none of them do.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(DocServiceDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
            return await next(message, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var response = await next(message, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return response;
    }
}
