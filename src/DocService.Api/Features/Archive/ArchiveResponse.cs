using DocService.Api.Domain;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Archive;

/// <summary>
/// The <c>archive</c> field of an issued document: where its package stands. While Pending or Failed,
/// <see cref="NextAttemptAt"/> says when the worker tries (again); <see cref="LastError"/> why the last attempt failed.
/// </summary>
public sealed record ArchiveResponse(
    ArchiveStatus Status,
    string? RetentionClass,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ArchivedAt,
    string? ManifestSha256)
{
    public static ArchiveResponse From(ArchiveJob job, Document document) => new(
        job.Status, document.RetentionClass, job.Attempts, job.LastError,
        job.Status is ArchiveStatus.Pending or ArchiveStatus.Failed ? job.DueAt : null,
        job.ArchivedAt, job.ManifestSha256);

    /// <summary>Null for a document that was never issued, so has no archive job.</summary>
    public static async Task<ArchiveResponse?> FindAsync(DocServiceDb db, Document document, CancellationToken ct) =>
        await db.ArchiveJobs.AsNoTracking().SingleOrDefaultAsync(j => j.DocumentId == document.Id, ct) is { } job
            ? From(job, document)
            : null;
}
