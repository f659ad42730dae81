namespace DocService.Api.Domain.Verification;

/// <summary>
/// One validation an organ asked for: the file as received (kept in the object store, so "the
/// version that was signed" can be cut from it later) and the report, exactly as it was given.
/// </summary>
public sealed class VerificationRecord
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public Guid? DocumentId { get; init; }
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }
    public string StorageKey { get; init; } = "";
    public string Indication { get; init; } = "";
    public string ReportJson { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// A file uploaded only to be verified is no record of the organ: it is kept until then (Verifications:UploadRetention)
    /// and counts against the organ's quota meanwhile. Null for a stored document's or an arrival's file, kept with it.
    /// </summary>
    public DateTimeOffset? FileKeptUntil { get; init; }

    /// <summary>When the retention sweep removed the expired file; the report stays readable.</summary>
    public DateTimeOffset? FileDeletedAt { get; set; }

    public bool FileExpired(DateTimeOffset now) => FileDeletedAt is not null || FileKeptUntil <= now;
}

/// <summary>
/// A root (or other anchor) chains must end at. The platform set (<see cref="OrganId"/> null: VGCA G1/G2, NEAC's
/// national root) is managed by the platform admin and trusted for every organ; an organ's own anchors, added by
/// its admin, are trusted for that organ alone.
/// </summary>
public sealed class TrustAnchor
{
    public Guid Id { get; init; }

    /// <summary>The organ this anchor is trusted for; null for the platform set, trusted for all.</summary>
    public string? OrganId { get; init; }

    public string Subject { get; init; } = "";
    public string Thumbprint { get; init; } = "";
    public DateTimeOffset NotAfter { get; init; }
    public byte[] Certificate { get; init; } = [];

    /// <summary>
    /// A closed PKI whose certificates name no OCSP responder or CRL: chains to this anchor are not held
    /// INDETERMINATE for lacking revocation pointers. Off by default: no pointer is unknown, not good.
    /// </summary>
    public bool RevocationNotRequired { get; init; }

    public string AddedBy { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }
}
