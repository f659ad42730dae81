using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Modifications;
using DocService.Signing.Validation.Pdf;
using DocService.Signing.Validation.Revocation;
using DocService.Signing.Validation.Rules;
using DocService.Signing.Validation.Timestamps;
using DocService.Signing.Validation.Trust;

namespace DocService.Signing.Validation;

/// <summary>
/// Validates every signature and document timestamp of a PDF, each on its own (DESIGN §5), by
/// composing the single-purpose checks: ByteRange, CMS integrity, modifications after the
/// signature, chain, timestamps, revocation, level, indication. Thread-safe; reuse one instance.
/// </summary>
/// <remarks>
/// A file that cannot be read as a PDF at all throws <see cref="DocService.Pdf.PdfException"/>;
/// anything wrong inside a signature is reported, never thrown.
/// </remarks>
public sealed class PdfSignatureValidator(ValidationOptions options)
{
    readonly RevocationChecker _revocation = new(options);

    public ValidationOptions Options => options;

    public async Task<DocumentValidationReport> ValidateAsync(Stream pdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var validationTime = options.ValidationTime ?? options.TimeProvider.GetUtcNow();
        var document = PdfDocument.Open(pdf, options.Limits);
        var snapshots = new RevisionSnapshots(pdf, document, options.Limits);
        var problems = new List<string>();
        if (document.IsEncrypted)
            problems.Add("The document is encrypted: signatures are checked, but objects in later revisions cannot be compared.");

        var found = SignatureLocator.FindAll(pdf, snapshots, problems);
        var dss = DssReader.Read(document);
        var dssCertificates = dss.Certificates.Select(TryLoad).OfType<X509Certificate2>().ToList();
        var checkedSignatures = found.Select(s =>
        {
            var byteRange = ByteRangeCheck.Check(pdf, snapshots, s);
            return (Signature: s, ByteRange: byteRange, Integrity: CmsIntegrityCheck.Check(pdf, s, byteRange));
        }).ToList();

        var documentTimestamps = checkedSignatures.Where(c => c.Signature.IsDocumentTimestamp)
            .Select(c => (c.Signature, c.ByteRange, Timestamp: DocumentTimestamp(c.Integrity, validationTime)))
            .ToList();

        var reports = new List<SignatureValidationReport>();
        foreach (var (signature, byteRange, integrity) in checkedSignatures)
        {
            ct.ThrowIfCancellationRequested();
            var covering = documentTimestamps
                .Where(d => d.Signature != signature && d.ByteRange.CoveredRevision is { } r && byteRange.CoveredRevision is { } mine && r > mine)
                .ToList();
            reports.Add(await ValidateOneAsync(snapshots, signature, byteRange, integrity, covering, dss, dssCertificates, validationTime, ct));
        }

        var (indication, sub) = IndicationRules.RollUp(reports);
        return new DocumentValidationReport(indication, sub, Messages.ForDocument(indication, reports.Count), validationTime,
            document.Revisions.Count, pdf.Length, reports, problems);
    }

    async Task<SignatureValidationReport> ValidateOneAsync(RevisionSnapshots snapshots, EmbeddedSignature signature,
        ByteRangeResult byteRange, CmsIntegrity integrity, IReadOnlyList<(EmbeddedSignature Signature, ByteRangeResult ByteRange, TimestampResult? Timestamp)> coveringTimestamps,
        DocumentSecurityStore dss, IReadOnlyList<X509Certificate2> dssCertificates, DateTimeOffset validationTime, CancellationToken ct)
    {
        var cms = integrity.Cms;
        var kind = signature.IsDocumentTimestamp ? SignatureKind.DocumentTimestamp : SignatureKind.Signature;
        var modifications = ModificationAnalyzer.Analyze(snapshots, signature, byteRange);

        CheckedTimestamp? signatureTimestamp = null;
        if (cms is not null && kind == SignatureKind.Signature)
            signatureTimestamp = TimestampCheck.CheckSignatureTimestamp(cms, options, validationTime);
        var ownTimestamp = kind == SignatureKind.DocumentTimestamp ? DocumentTimestamp(integrity, validationTime) : null;

        var documentTimestampRefs = coveringTimestamps
            .Select(d => new DocumentTimestampReference(d.Signature.FieldName, d.Timestamp?.Time, d.Timestamp is { Valid: true, Trusted: true }))
            .ToList();

        // Best signature time: the earliest trusted proof of existence, else the validation time.
        DateTimeOffset bestTime = validationTime;
        var bestSource = BestTimeSource.ValidationTime;
        if (signatureTimestamp?.Result is { Valid: true, Trusted: true, Time: { } tstTime } && tstTime < bestTime)
            (bestTime, bestSource) = (tstTime, BestTimeSource.SignatureTimestamp);
        if (ownTimestamp is { Valid: true, Time: { } ownTime } && ownTime < bestTime)
            (bestTime, bestSource) = (ownTime, BestTimeSource.SignatureTimestamp);
        foreach (var d in documentTimestampRefs.Where(d => d.Valid && d.Time is { } t && t < bestTime))
            (bestTime, bestSource) = (d.Time!.Value, BestTimeSource.DocumentTimestamp);

        var signer = cms?.SignerCertificate;
        var extra = (cms?.Certificates ?? []).Concat(dssCertificates).Concat(options.Intermediates);
        ChainOutcome? chain = signer is null ? null
            : ChainBuilder.Build(signer, extra, options.TrustAnchors,
                bestTime, kind == SignatureKind.DocumentTimestamp ? CertificatePurpose.Timestamping : CertificatePurpose.Signing);
        // PAdES baseline (ETSI.CAdES.detached) requires signing-certificate-v2; ISO 32000's
        // adbe.pkcs7.* profiles do not, but when the attribute is there it must match.
        var attributeMatches = kind == SignatureKind.DocumentTimestamp || SigningCertificateAttributeMatches(cms)
            || signature.SubFilter != "ETSI.CAdES.detached" && cms is { SigningCertificateReferences.Count: 0 };
        var trustReasons = new List<string>(chain?.Reasons ?? ["The signing certificate is not known."]);
        if (!attributeMatches && cms is not null)
            trustReasons.Add(cms.SigningCertificateReferences.Count == 0
                ? "The CMS has no signing-certificate(-v2) attribute binding the signer's certificate."
                : "The signing-certificate(-v2) attribute does not match the signer's certificate.");
        var trust = new TrustResult(chain?.Status ?? TrustStatus.NoSigningCertificate,
            chain?.Elements.Select(ChainBuilder.Summary).ToList() ?? [],
            chain?.KeyUsageValid ?? false, chain?.TimeValid ?? false, attributeMatches, trustReasons);

        var revocation = chain is { Status: TrustStatus.Trusted or TrustStatus.ChainInvalid } && chain.Elements.Count > 0
            ? await _revocation.CheckAsync(chain.Elements, EmbeddedRevocationData.From(dss, cms), bestTime, validationTime, ct)
            : new RevocationResult(RevocationStatus.NotChecked, [], ["No chain to a trust anchor, so revocation was not checked."]);
        var earliestRevocation = revocation.Certificates.Where(c => c.Status == RevocationStatus.Revoked)
            .Select(c => c.RevocationTime).Min();

        var ltvInDss = revocation.Certificates.FirstOrDefault()?.Source?.StartsWith("DSS", StringComparison.Ordinal) == true;
        var archiveTimestamp = ltvInDss && coveringTimestamps.Any(d => d.Timestamp is { Valid: true } && d.ByteRange.CoveredRevision is { } r
            && !DssReader.Read(snapshots.At(r)).IsEmpty);
        var timestamped = signatureTimestamp?.Result.Valid == true || documentTimestampRefs.Any(d => d.Valid) || kind == SignatureKind.DocumentTimestamp;
        var (level, levelReason) = kind == SignatureKind.DocumentTimestamp
            ? (LevelReached.None, "Levels apply to signatures; this is a document timestamp.")
            : LevelClassifier.Classify(integrity.Result.Valid, SigningCertificateAttributeMatches(cms), timestamped,
                ltvInDss, archiveTimestamp);
        if (signatureTimestamp is { Result.Valid: false } && kind == SignatureKind.Signature)
            levelReason = "The signature timestamp is not valid (" + string.Join(" ", signatureTimestamp.Result.Reasons) + ") " + levelReason;

        var attacks = new SortedSet<PdfAttack>(modifications.Attacks);
        if (signature.ByteRange is null || signature.Contents is not { Length: > 0 } || !byteRange.InsideFile || cms is null)
            attacks.Add(PdfAttack.UniversalSignatureForgery);
        else if (!byteRange.Valid)
            attacks.Add(PdfAttack.SignatureWrapping);

        var facts = new SignatureFacts(kind, integrity.Result, cms is not null && !integrity.FormatProblem, signer is not null, modifications.Permitted,
            [.. attacks], trust, chain?.Expired ?? false, chain?.NotYetValid ?? false, revocation, earliestRevocation,
            bestTime, bestSource, cms?.SigningTime ?? SigningTimeOf(signature));
        var (indication, sub) = IndicationRules.Decide(facts);
        var signerName = signer?.GetNameInfo(X509NameType.SimpleName, false);

        return new SignatureValidationReport(
            signature.FieldName, kind, signature.SubFilter, signerName, IsCertification(snapshots, signature),
            integrity.Result, byteRange.Valid, signature.ByteRange, byteRange.Coverage, byteRange.CoveredRevision,
            modifications.Level, modifications.Permitted, modifications.Findings, facts.Attacks,
            trust, revocation, signatureTimestamp?.Result ?? ownTimestamp, documentTimestampRefs,
            facts.ClaimedSigningTime, bestTime, bestSource, level, levelReason, indication, sub,
            Messages.ForSignature(indication, sub, $"\"{signature.FieldName}\"" + (signerName is null ? "" : $" ({signerName})")));
    }

    TimestampResult? DocumentTimestamp(CmsIntegrity integrity, DateTimeOffset validationTime)
    {
        if (integrity.Cms is not { SignerCertificate: { } tsa } token || integrity.TimestampInfo is not { } info)
            return null;
        var time = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime.ToDateTime(), DateTimeKind.Utc));
        var chain = ChainBuilder.Build(tsa, token.Certificates.Concat(options.Intermediates), options.TrustAnchors, time, CertificatePurpose.Timestamping);
        return new TimestampResult(integrity.Result.Valid, integrity.Result.DigestMatches, integrity.Result.SignatureVerifies,
            chain.Status == TrustStatus.Trusted, time, tsa.GetNameInfo(X509NameType.SimpleName, false),
            integrity.Result.DigestAlgorithm, [.. integrity.Result.Reasons, .. chain.Reasons]);
    }

    static X509Certificate2? TryLoad(byte[] der)
    {
        try
        {
            return CertificateCache.Load(der);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    static bool SigningCertificateAttributeMatches(CmsSignedData? cms)
    {
        if (cms?.SignerCertificate is not { } signer || cms.SigningCertificateReferences.Count == 0)
            return false;
        var reference = cms.SigningCertificateReferences[0];
        var hash = Algorithms.Hash(reference.HashOid, signer.RawData);
        return hash is not null && CryptographicOperations.FixedTimeEquals(hash, reference.Hash);
    }

    static DateTimeOffset? SigningTimeOf(EmbeddedSignature signature) =>
        signature.Dictionary["M"] is PdfString m && PdfDate.TryParse(m.ToText(), out var time) ? time : null;

    static bool IsCertification(RevisionSnapshots snapshots, EmbeddedSignature signature)
    {
        var document = snapshots.At(signature.FirstRevision);
        if (document is null || signature.DictionaryId is not { } id)
            return false;
        try
        {
            return document.Get<PdfDictionary>(document.Catalog, new PdfName("Perms")) is { } perms
                   && perms["DocMDP"] is PdfReference reference && reference.Id == id;
        }
        catch (DocService.Pdf.PdfException)
        {
            return false;
        }
    }
}
