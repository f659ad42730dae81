using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Pdf;

namespace DocService.Signing.Validation.Checks;

/// <summary>A document timestamp found in the file, already checked, as the signatures it covers see it.</summary>
internal sealed record CheckedDocumentTimestamp(EmbeddedSignature Signature, ByteRangeResult ByteRange, TimestampResult? Timestamp);

/// <summary>
/// What every check of one signature reads: the signature as found, its ByteRange and CMS verdicts
/// (computed for all signatures first, since document timestamps are evidence for the others), the
/// document timestamps over it and the file's DSS. Immutable; the checks only read it.
/// </summary>
internal sealed record SignatureEvidence(
    RevisionSnapshots Snapshots,
    EmbeddedSignature Signature,
    ByteRangeResult ByteRange,
    CmsIntegrity Integrity,
    IReadOnlyList<CheckedDocumentTimestamp> CoveringTimestamps,
    DocumentSecurityStore Dss,
    IReadOnlyList<X509Certificate2> DssCertificates,
    DateTimeOffset ValidationTime,
    ValidationOptions Options)
{
    public SignatureKind Kind => Signature.IsDocumentTimestamp ? SignatureKind.DocumentTimestamp : SignatureKind.Signature;

    public CmsSignedData? Cms => Integrity.Cms;
}
