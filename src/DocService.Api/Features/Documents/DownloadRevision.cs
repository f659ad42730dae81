using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace DocService.Api.Features.Documents;

/// <summary>Streams the bytes of the current or any earlier revision, verified against their SHA-256.</summary>
public static class DownloadRevision
{
    /// <summary>A revision by number; a null number means the current one.</summary>
    public sealed record Query(OrganId Organ, Guid DocumentId, int? Number) : IQuery<Content>;

    public sealed record Content(Stream Bytes, string Sha256, string FileName);

    public static void Map(RouteGroupBuilder documents)
    {
        documents.MapGet("/{id:guid}/content", (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                Send(new Query(user.Organ, id, null), mediator, ct))
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Download the current revision (application/pdf)");

        documents.MapGet("/{id:guid}/revisions/{number:int}/content", (Guid id, int number, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                Send(new Query(user.Organ, id, number), mediator, ct))
            .RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Download one revision (application/pdf)");
    }

    static async Task<IResult> Send(Query query, IMediator mediator, CancellationToken ct)
    {
        var content = await mediator.Send(query, ct);
        return TypedResults.Stream(content.Bytes, "application/pdf", content.FileName,
            entityTag: new EntityTagHeaderValue($"\"{content.Sha256}\""), enableRangeProcessing: true);
    }

    internal sealed class Handler(DocServiceDb db, RevisionStore revisions) : IQueryHandler<Query, Content>
    {
        public async ValueTask<Content> Handle(Query query, CancellationToken ct)
        {
            var document = await db.FindAsync(query.Organ, query.DocumentId, ct);
            var revision = query.Number is { } number
                ? document.Revisions.SingleOrDefault(r => r.Number == number) ?? throw ApiException.NotFound($"Revision {number} of document {document.Id}")
                : document.CurrentRevision;
            var bytes = await revisions.OpenAsync(revision, ct);
            return new Content(bytes, revision.Sha256, $"{document.Id:N}-r{revision.Number}.pdf");
        }
    }
}
