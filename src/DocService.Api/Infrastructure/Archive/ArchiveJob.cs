namespace DocService.Api.Infrastructure.Archive;

public enum ArchiveStatus
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending,
    /// <summary>A worker holds the lease and is writing the package.</summary>
    Archiving,
    Archived,
    /// <summary>The last attempt failed; the next one is due at <see cref="ArchiveJob.DueAt"/>.</summary>
    Failed,
}

/// <summary>
/// The outbox row of one document's archive package: written in the issue step's transaction, so issuing
/// never waits for the object store, and claimed by one worker at a time through a lease.
/// </summary>
public sealed class ArchiveJob
{
    public Guid DocumentId { get; private set; }
    public string OrganId { get; private set; } = "";
    public ArchiveStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>No attempt starts before this instant (the backoff of a failed one).</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>While <see cref="Status"/> is Archiving: the worker that holds the job and until when.</summary>
    public Guid? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }
    public string? ManifestKey { get; private set; }
    public string? ManifestSha256 { get; private set; }

    ArchiveJob() { }

    public static ArchiveJob For(Guid documentId, string organId, DateTimeOffset at) => new()
    {
        DocumentId = documentId,
        OrganId = organId,
        Status = ArchiveStatus.Pending,
        CreatedAt = at,
        DueAt = at,
    };
}
