namespace DocService.Api.Domain.Signing;

/// <summary>Which signature a three-step session makes: the leader's, or the clerk's issue step.</summary>
public enum SigningStep
{
    /// <summary>The competent signer's signature (Approved → Signed); ký duyệt.</summary>
    Approve,

    /// <summary>Number, date and the organisation signature (Signed → Issued); văn thư ký số, ban hành.</summary>
    Issue,
}

/// <summary>
/// One three-step signature (EU DSS getDataToSign → sign → signDocument) for an official whose key
/// stays on their own token. Everything needed to finish it is kept here and in the object store, so a
/// service restart between the steps loses nothing: the prepared PDF (under <see cref="PreparedKey"/>,
/// write-once, one key per session), where its /Contents hole is, the content digest and the exact
/// signed attributes the client was given. A session is finished once: <see cref="CompletedAt"/> is set
/// by a conditional UPDATE that only one concurrent completion can win.
/// </summary>
public sealed class SigningSession
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public string OrganId { get; init; } = "";
    public string UserName { get; init; } = "";
    public SigningStep Step { get; init; }

    /// <summary>The document's version (ETag) and current revision when the session was opened; completing needs both unchanged.</summary>
    public int DocumentVersion { get; init; }
    public int RevisionNumber { get; init; }

    /// <summary>The signer's certificate followed by its intermediates, each DER, one after another.</summary>
    public byte[] CertificatesDer { get; init; } = [];
    public string SignatureAlgorithm { get; init; } = "";
    public string DigestAlgorithm { get; init; } = "";
    public DateTimeOffset SigningTime { get; init; }

    /// <summary>What the audit entry of the completed signature records (the same shape server-side signing records).</summary>
    public string AuditPayloadJson { get; init; } = "{}";

    public string PreparedKey { get; init; } = "";
    public string PreparedSha256 { get; init; } = "";
    public long ByteRange1 { get; init; }
    public long ByteRange2 { get; init; }
    public long ByteRange3 { get; init; }
    public long ContentsOffset { get; init; }
    public long ContentsLength { get; init; }
    public byte[] ContentDigest { get; init; } = [];

    /// <summary>DER of the signed attributes (SET OF, tag 0x31): the dataToSign handed to the client.</summary>
    public byte[] DataToSign { get; init; } = [];

    /// <summary>Issue step: the outgoing register's number and date printed in the prepared PDF, and the register year.</summary>
    public int? RegisterNumber { get; init; }
    public int? RegisterYear { get; init; }
    public DateOnly? IssuedDate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>True while it can still be completed at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) => CompletedAt is null && ExpiresAt > now;
}
