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

/// <summary>
/// Everything found about one signature, assembled from the checks under <c>Validation/Checks/</c>:
/// each aspect is one check's immutable result (DESIGN §5), <see cref="Checks"/> says in both
/// languages what each concluded, and <see cref="Reason"/> is the one that decided the indication.
/// </summary>
/// <remarks>
/// <para><c>OutsideForm</c>: The signature was found only as a widget in a page's /Annots, not through the AcroForm.</para>
/// <para><c>Warnings</c>: Facts that do not change the indication but that a reader should know.</para>
/// </remarks>
public sealed record SignatureValidationReport(
    string FieldName,
    SignatureKind Kind,
    string? SubFilter,
    string? SignerName,
    bool Certification,
    bool OutsideForm,
    DateTimeOffset? ClaimedSigningTime,
    IntegrityResult Integrity,
    CoverageResult Coverage,
    ModificationsResult Modifications,
    TrustResult Trust,
    RevocationResult Revocation,
    TimestampsResult Timestamps,
    LevelResult Level,
    Indication Indication,
    SubIndication? SubIndication,
    LocalizedMessage Message,
    LocalizedMessage Reason,
    IReadOnlyList<CheckOutcome> Checks,
    IReadOnlyList<LocalizedMessage> Warnings);

/// <summary>The checks a signature goes through, in the order their results are reported.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckName>))]
public enum CheckName
{
    Integrity,
    Coverage,
    Modifications,
    Timestamps,
    Trust,
    Revocation,
    Level,
}

/// <summary>How one check came out.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    Passed,

    /// <summary>Passed, with something the reader should know (a weak algorithm, a field outside the form).</summary>
    Warning,

    /// <summary>Could not be confirmed: missing data, unknown trust, a broken proof of time.</summary>
    Indeterminate,

    Failed,

    /// <summary>Does not apply to this signature (e.g. revocation without a chain).</summary>
    NotApplicable,
}

/// <summary>One check's conclusion in both languages.</summary>
public sealed record CheckOutcome(CheckName Check, CheckStatus Status, LocalizedMessage Message);

/// <summary>What the /ByteRange covers and whether it is sane (signature wrapping and universal forgery start here).</summary>
/// <remarks>
/// <para><c>ByteRangeValid</c>: Starts at 0, two ranges, the gap is exactly this signature's /Contents hex string, inside the file, ending at a revision end, each key once.</para>
/// <para><c>CoveredRevision</c>: The revision whose end the range reaches, when it reaches one.</para>
/// </remarks>
public sealed record CoverageResult(
    bool ByteRangeValid,
    IReadOnlyList<long>? ByteRange,
    Coverage Coverage,
    int? CoveredRevision,
    IReadOnlyList<string> Problems);

/// <summary>What the revisions after the signature changed, whether that was permitted, and the attacks it looks like.</summary>
/// <remarks><c>Groups</c>: the findings grouped by revision and meaning, for people (the per-object findings stay in <c>Findings</c>).</remarks>
public sealed record ModificationsResult(
    ModificationLevel Level,
    bool Permitted,
    IReadOnlyList<ModificationFinding> Findings,
    IReadOnlyList<ModificationGroup> Groups,
    IReadOnlyList<PdfAttack> Attacks);

/// <summary>The changes one revision made, summed up by meaning ("two form fields filled, one signature added").</summary>
public sealed record ModificationGroup(int Revision, ModificationLevel Level, bool Permitted, LocalizedMessage Summary);

/// <summary>The proofs of time for a signature: its own timestamp, the document timestamps over it, and the best signature time they give.</summary>
/// <remarks><c>Broken</c>: a timestamp that is present but whose imprint or signature does not verify: it proves nothing, and the signature cannot pass.</remarks>
public sealed record TimestampsResult(
    TimestampResult? SignatureTimestamp,
    IReadOnlyList<DocumentTimestampReference> DocumentTimestamps,
    DateTimeOffset BestSignatureTime,
    BestTimeSource BestSignatureTimeSource,
    bool Broken);

/// <summary>
/// The PAdES baseline level the signature's structure reaches (ETSI EN 319 142-1 §6), and beside it
/// whether the validation data that level carries was usable (fresh, sufficient) — two separate facts.
/// </summary>
/// <remarks>
/// <para><c>Reason</c>: Why the level is not higher.</para>
/// <para><c>ValidationDataUsable</c>: For B-LT and B-LTA: whether the embedded revocation data proved the chain not revoked; null below B-LT.</para>
/// <para><c>ValidationDataProblems</c>: What was wrong with that data, with its dates.</para>
/// </remarks>
public sealed record LevelResult(
    LevelReached Reached,
    LocalizedMessage Reason,
    bool? ValidationDataUsable,
    IReadOnlyList<string> ValidationDataProblems);

/// <summary>Whether the signed bytes are what the signer signed.</summary>
/// <remarks>
/// <para><c>Valid</c>: Everything below holds and nothing else was wrong.</para>
/// <para><c>ByteRangeValid</c>: Starts at 0, two ranges, gap exactly /Contents, inside the file, ends at a revision end.</para>
/// <para><c>DigestMatches</c>: The digest of the signed bytes equals the one the CMS signs.</para>
/// <para><c>SignatureVerifies</c>: The CMS signature value verifies with the signer's public key.</para>
/// <para><c>AlgorithmsConsistent</c>: The signature algorithm does not name a different hash than the digest algorithm.</para>
/// <para><c>AlgorithmsAcceptable</c>: No weak or deprecated algorithm (ETSI TS 119 312: MD5, SHA-1; see the warnings for the dates).</para>
/// <para><c>AlgorithmPairAllowed</c>: The signature algorithm may be used with this digest (RFC 8419: Ed25519 with SHA-512, Ed448 with SHAKE256).</para>
/// </remarks>
public sealed record IntegrityResult(
    bool Valid,
    bool ByteRangeValid,
    bool DigestMatches,
    bool SignatureVerifies,
    bool AlgorithmsConsistent,
    bool AlgorithmsAcceptable,
    bool AlgorithmPairAllowed,
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
/// <remarks><c>Valid</c>: its imprint and signature verify; <c>Trusted</c>: and its TSA chains to an anchor (only then is it a proof of existence).</remarks>
public sealed record DocumentTimestampReference(string FieldName, DateTimeOffset? Time, bool Valid, bool Trusted, string? TsaName);

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

/// <summary>
/// What <see cref="PdfSignatureValidator.ValidateCertificateAsync"/> found about a certificate about to sign:
/// the chain's status, whether its key usage allows signing and its validity holds, why not, and its revocation.
/// </summary>
public sealed record CertificateValidation(
    TrustStatus Trust, bool KeyUsageValid, bool TimeValid, IReadOnlyList<string> Reasons, RevocationResult Revocation);
