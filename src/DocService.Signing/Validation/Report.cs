using System.Text.Json.Serialization;

namespace DocService.Signing.Validation;

/// <summary>A message for people, in both languages the report is read in.</summary>
public sealed record LocalizedMessage(string Vi, string En);

/// <summary>
/// The auditor's report on one PDF: every signature and document timestamp, each judged on its
/// own, and the document's indication rolled up from theirs (the worst wins).
/// </summary>
public sealed record DocumentValidationReport(
    Indication Indication,
    SubIndication? SubIndication,
    LocalizedMessage Message,
    DateTimeOffset ValidationTime,
    int Revisions,
    long FileSize,
    IReadOnlyList<SignatureValidationReport> Signatures,
    IReadOnlyList<string> Problems)
{
    /// <summary>Signatures proper (no document timestamps).</summary>
    [JsonIgnore]
    public IEnumerable<SignatureValidationReport> ApprovalSignatures => Signatures.Where(s => s.Kind == SignatureKind.Signature);
}

[JsonConverter(typeof(JsonStringEnumConverter<SignatureKind>))]
public enum SignatureKind
{
    /// <summary>An approval or certification signature (CMS, SubFilter adbe.pkcs7.* or ETSI.CAdES.detached).</summary>
    Signature,

    /// <summary>A document timestamp (SubFilter ETSI.RFC3161).</summary>
    DocumentTimestamp,
}

/// <summary>Everything found about one signature, each aspect separately (DESIGN §5).</summary>
public sealed record SignatureValidationReport(
    string FieldName,
    SignatureKind Kind,
    string? SubFilter,
    string? SignerName,
    bool Certification,
    IntegrityResult Integrity,
    bool ByteRangeValid,
    IReadOnlyList<long>? ByteRange,
    Coverage Coverage,
    int? CoveredRevision,
    ModificationLevel ModificationsAfter,
    bool ModificationsPermitted,
    IReadOnlyList<ModificationFinding> Modifications,
    IReadOnlyList<PdfAttack> Attacks,
    TrustResult Trust,
    RevocationResult Revocation,
    TimestampResult? SignatureTimestamp,
    IReadOnlyList<DocumentTimestampReference> DocumentTimestamps,
    DateTimeOffset? ClaimedSigningTime,
    DateTimeOffset? BestSignatureTime,
    BestTimeSource BestSignatureTimeSource,
    LevelReached Level,
    string LevelReason,
    Indication Indication,
    SubIndication? SubIndication,
    LocalizedMessage Message);

/// <summary>Whether the signed bytes are what the signer signed.</summary>
/// <remarks>
/// <para><c>Valid</c>: Everything below holds and nothing else was wrong.</para>
/// <para><c>ByteRangeValid</c>: Starts at 0, two ranges, gap exactly /Contents, inside the file, ends at a revision end.</para>
/// <para><c>DigestMatches</c>: The digest of the signed bytes equals the one the CMS signs.</para>
/// <para><c>SignatureVerifies</c>: The CMS signature value verifies with the signer's public key.</para>
/// <para><c>AlgorithmsConsistent</c>: The signature algorithm does not name a different hash than the digest algorithm.</para>
/// <para><c>AlgorithmsAcceptable</c>: No weak or disallowed algorithm (SHA-1, MD5, Ed448 without SHAKE256).</para>
/// </remarks>
public sealed record IntegrityResult(
    bool Valid,
    bool ByteRangeValid,
    bool DigestMatches,
    bool SignatureVerifies,
    bool AlgorithmsConsistent,
    bool AlgorithmsAcceptable,
    string? DigestAlgorithm,
    string? SignatureAlgorithm,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings);

/// <summary>One change made by a revision after the signature.</summary>
public sealed record ModificationFinding(int Revision, ModificationLevel Level, bool Permitted, string Description);

[JsonConverter(typeof(JsonStringEnumConverter<TrustStatus>))]
public enum TrustStatus
{
    /// <summary>A chain to a configured trust anchor, valid at the best signature time.</summary>
    Trusted,

    /// <summary>No chain to a configured trust anchor.</summary>
    NoChainToTrustAnchor,

    /// <summary>A chain exists but something in it is wrong (expired, not yet valid, not a CA, key usage).</summary>
    ChainInvalid,

    /// <summary>The signing certificate is not known.</summary>
    NoSigningCertificate,
}

/// <summary>A certificate as shown in a report.</summary>
public sealed record CertificateSummary(string Subject, string Issuer, string SerialNumber, string Sha256Thumbprint,
    DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>Identity and trust of the signer at the best signature time.</summary>
public sealed record TrustResult(
    TrustStatus Status,
    IReadOnlyList<CertificateSummary> Chain,
    bool KeyUsageValid,
    bool ValidAtBestSignatureTime,
    bool SigningCertificateAttributeMatches,
    IReadOnlyList<string> Reasons);

[JsonConverter(typeof(JsonStringEnumConverter<RevocationStatus>))]
public enum RevocationStatus
{
    /// <summary>Every certificate of the chain was shown not revoked by fresh, authorised data.</summary>
    Good,

    /// <summary>A certificate of the chain is revoked.</summary>
    Revoked,

    /// <summary>No usable revocation data (none embedded, fetching off or failed, stale, unauthorised).</summary>
    Unavailable,

    /// <summary>Not checked because there is no chain to check.</summary>
    NotChecked,
}

/// <summary>Revocation of each non-anchor certificate of the chain.</summary>
public sealed record RevocationResult(
    RevocationStatus Status,
    IReadOnlyList<CertificateRevocation> Certificates,
    IReadOnlyList<string> Reasons);

/// <summary>The revocation evidence found for one certificate.</summary>
/// <remarks>
/// <para><c>Source</c>: Where it came from: "DSS", "CMS", "OCSP http://…", "CRL http://…", or null.</para>
/// </remarks>
public sealed record CertificateRevocation(
    string Subject,
    RevocationStatus Status,
    string? Source,
    DateTimeOffset? RevocationTime,
    string? RevocationReason,
    DateTimeOffset? ThisUpdate,
    DateTimeOffset? ProducedAt,
    IReadOnlyList<string> Problems);

/// <summary>An RFC 3161 timestamp token checked against what it stamps.</summary>
public sealed record TimestampResult(
    bool Valid,
    bool ImprintMatches,
    bool SignatureVerifies,
    bool Trusted,
    DateTimeOffset? Time,
    string? TsaName,
    string? DigestAlgorithm,
    IReadOnlyList<string> Reasons);

/// <summary>A document timestamp that covers this signature.</summary>
public sealed record DocumentTimestampReference(string FieldName, DateTimeOffset? Time, bool Valid);

[JsonConverter(typeof(JsonStringEnumConverter<BestTimeSource>))]
public enum BestTimeSource
{
    /// <summary>The time of a valid signature timestamp.</summary>
    SignatureTimestamp,

    /// <summary>The time of a valid document timestamp covering the signature.</summary>
    DocumentTimestamp,

    /// <summary>No proof of existence: the validation time (ETSI EN 319 102-1 §5.6.2.1).</summary>
    ValidationTime,
}
