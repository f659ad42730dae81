using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Mediator;

namespace DocService.Api.Features.Drafting;

/// <summary>The structured draft a document was rendered from, to edit and send back with PUT.</summary>
public static class GetDraft
{
    public sealed record Query(OrganId Organ, Guid DocumentId) : IQuery<(DraftRequest Draft, int Version)>;

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/{id:guid}/draft", Handle)
            .RequireAuthorization(Policies.Member)
            .Produces<DraftRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get the structured draft a document was rendered from")
            .WithDescription("Answers with the document's ETag, ready for `PUT …/draft` with If-Match. An uploaded PDF has no draft (404 `document.no_draft`).");

    static async Task<IResult> Handle(Guid id, HttpContext http, CurrentUser user, IMediator mediator, CancellationToken ct)
    {
        var (draft, version) = await mediator.Send(new Query(user.Organ, id), ct);
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(draft);
    }

    internal sealed class Handler(DocServiceDb db) : IQueryHandler<Query, (DraftRequest Draft, int Version)>
    {
        public async ValueTask<(DraftRequest Draft, int Version)> Handle(Query query, CancellationToken ct)
        {
            var document = await db.FindAsync(query.Organ, query.DocumentId, ct);
            if (document.DraftJson is null)
                throw new ApiException(StatusCodes.Status404NotFound, "document.no_draft",
                    $"Document {document.Id} was uploaded as a PDF; it has no structured draft.");
            return (DraftJson.Deserialize(document.DraftJson), document.Version);
        }
    }
}
