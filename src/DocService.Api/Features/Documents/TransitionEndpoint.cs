using DocService.Api.Infrastructure.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DocService.Api.Features.Documents;

/// <summary>
/// The shape every lifecycle action shares: <c>POST /documents/{id}/{action}</c>, If-Match required,
/// the changed document and its new ETag in the answer.
/// </summary>
public static class TransitionEndpoint
{
    public static RouteHandlerBuilder Map(
        RouteGroupBuilder documents, string action, string policy, Func<Guid, string, ICommand<DocumentResponse>> command) =>
        documents.MapPost($"/{{id:guid}}/{action}",
                async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var document = await mediator.Send(command(id, Preconditions.RequireIfMatch(ifMatch)), ct);
                    return document.WithETag(http);
                })
            .RequireAuthorization(policy)
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
