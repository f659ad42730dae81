using DocService.Api.Domain;
using DocService.Api.Features.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Documents;

/// <summary>A document's metadata and revisions, with its ETag for the next change.</summary>
public static class GetDocument
{
    public sealed record Query(OrganId Organ, Guid DocumentId) : IQuery<DocumentResponse>;

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/{id:guid}", Handle)
            .RequireAuthorization(Policies.Member)
            .Produces<DocumentResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Get a document's metadata")
            .WithDescription("Answers with a strong ETag; send it back in If-None-Match (304) or If-Match (changes).");

    static async Task<IResult> Handle(Guid id, HttpContext http, CurrentUser user, IMediator mediator, CancellationToken ct)
    {
        var document = await mediator.Send(new Query(user.Organ, id), ct);
        if (http.Request.Headers.IfNoneMatch.ToString() == $"\"{document.Version}\"")
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return document.WithETag(http);
    }

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, DocumentResponse>
    {
        public async ValueTask<DocumentResponse> Handle(Query query, CancellationToken ct)
        {
            var document = await db.FindAsync(query.Organ, query.DocumentId, ct);
            return DocumentResponse.From(document) with { Archive = await ArchiveResponse.FindAsync(db, document, ct) };
        }
    }
}
