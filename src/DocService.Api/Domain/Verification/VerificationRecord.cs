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
}

/// <summary>A root (or other anchor) chains must end at: VGCA G1/G2, NEAC, or one an admin uploaded.</summary>
public sealed class TrustAnchor
{
    public Guid Id { get; init; }
    public string Subject { get; init; } = "";
    public string Thumbprint { get; init; } = "";
    public DateTimeOffset NotAfter { get; init; }
    public byte[] Certificate { get; init; } = [];
    public string AddedBy { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }
}
