using DocService.Api.Infrastructure.Errors;
using Mediator;

namespace DocService.Api.Infrastructure.Messaging;

public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is IValidatable validatable)
        {
            var errors = validatable.Validate()
                .GroupBy(e => e.Field, e => e.Problem)
                .ToDictionary(g => g.Key, g => g.ToArray());
            if (errors.Count > 0)
                throw new RequestValidationException(errors);
        }
        return next(message, ct);
    }
}
