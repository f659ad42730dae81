using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Archive;

/// <summary>The manifest of an issued document's archive package, read back from the store and verified.</summary>
public static class GetArchiveManifest
{
    public sealed record Query(OrganId Organ, Guid DocumentId) : IQuery<ArchiveManifest>;

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapGet("/{id:guid}/archive",
                async (Guid id, CurrentUser user, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(user.Organ, id), ct)))
            .RequireAuthorization(Policies.Member)
            .Produces<ArchiveManifest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Get the manifest of the document's archive package")
            .WithDescription("Every file of the package with its SHA-256 and size. 409 archive.not_ready until the package is complete; "
                             + "the document's archive field says how far it is.");

    internal sealed class Handler(DocServiceDb db, IObjectStore store) : IQueryHandler<Query, ArchiveManifest>
    {
        public async ValueTask<ArchiveManifest> Handle(Query query, CancellationToken ct)
        {
            var job = await ArchivedJob.FindAsync(db, query.Organ, query.DocumentId, ct);
            await using var manifest = await ArchivedJob.OpenAsync(store, job.ManifestKey!, job.ManifestSha256!, ct);
            return ArchiveManifest.Parse(manifest);
        }
    }
}

/// <summary>Finding a document's completed archive job, for the reads of a package.</summary>
static class ArchivedJob
{
    public static async Task<ArchiveJob> FindAsync(DocServiceDb db, OrganId organ, Guid documentId, CancellationToken ct)
    {
        var document = await db.FindAsync(organ, documentId, ct);
        var job = await db.ArchiveJobs.AsNoTracking().SingleOrDefaultAsync(j => j.DocumentId == document.Id, ct)
                  ?? throw new ApiException(StatusCodes.Status404NotFound, "archive.not_found", $"Document {documentId} was not issued, so it has no archive package.");
        if (job.Status != ArchiveStatus.Archived)
            throw new ApiException(StatusCodes.Status409Conflict, "archive.not_ready",
                $"The archive package of document {documentId} is not complete yet (status {job.Status}, {job.Attempts} attempts).");
        return job;
    }

    /// <summary>The S3 client reports an unreachable server as an HTTP failure; to a caller it is a store that is down.</summary>
    public static async Task<Stream> OpenAsync(IObjectStore store, string key, string sha256, CancellationToken ct)
    {
        try
        {
            return await store.OpenReadAsync(key, sha256, ct);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new ObjectStoreUnavailableException($"The object store does not answer: {e.Message}");
        }
    }
}
