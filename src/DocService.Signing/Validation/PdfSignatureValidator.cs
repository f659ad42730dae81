using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Validation.Checks;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Pdf;
using DocService.Signing.Validation.Revocation;
using DocService.Signing.Validation.Rules;

namespace DocService.Signing.Validation;

/// <summary>
/// Validates every signature and document timestamp of a PDF, each on its own (DESIGN §5): the
/// signatures are found (form and page widgets), their ByteRange and CMS checked, and each is then
/// put through the checks under <c>Validation/Checks/</c> — integrity, coverage, modifications,
/// timestamps, trust, revocation, level — whose results the report is assembled from.
/// Thread-safe; reuse one instance.
/// </summary>
/// <remarks>
/// A file that cannot be read as a PDF at all throws <see cref="DocService.Pdf.PdfException"/>;
/// anything wrong inside a signature is reported, never thrown.
/// </remarks>
public sealed class PdfSignatureValidator(ValidationOptions options)
{
    readonly RevocationCheck _revocation = new(new RevocationChecker(options));

    public ValidationOptions Options => options;

    /// <summary>
    /// A certificate about to sign, before it is in any PDF: its chain to the configured anchors (from
    /// <paramref name="intermediates"/> and the configured ones), its validity and signing key usage at
    /// <paramref name="at"/>, and — when the chain is trusted — its revocation status, fetched as validation
    /// fetches it (nothing embedded yet). Revocation that cannot be obtained is <see cref="RevocationStatus.Unavailable"/>.
    /// </summary>
    public async Task<CertificateValidation> ValidateCertificateAsync(
        X509Certificate2 certificate, IEnumerable<X509Certificate2> intermediates, DateTimeOffset at, CancellationToken ct = default)
    {
        var chain = Trust.ChainBuilder.Build(certificate, intermediates.Concat(options.Intermediates), options.TrustAnchors, at, Trust.CertificatePurpose.Signing);
        var revocation = chain.Status == TrustStatus.Trusted && chain.Elements.Count > 0
            ? await _revocation.RunWithoutDocumentAsync(chain.Elements, at, ct)
            : new RevocationResult(RevocationStatus.NotChecked, [], ["No trusted chain, so revocation was not checked."]);
        return new CertificateValidation(chain.Status, chain.KeyUsageValid, chain.TimeValid, chain.Reasons, revocation);
    }

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
            .Select(c => new CheckedDocumentTimestamp(c.Signature, c.ByteRange, TimestampsCheck.OfDocumentTimestamp(c.Integrity, options)))
            .ToList();

        var reports = new List<SignatureValidationReport>();
        foreach (var (signature, byteRange, integrity) in checkedSignatures)
        {
            ct.ThrowIfCancellationRequested();
            var covering = documentTimestamps
                .Where(d => d.Signature != signature && d.ByteRange.CoveredRevision is { } r && byteRange.CoveredRevision is { } mine && r > mine)
                .ToList();
            var evidence = new SignatureEvidence(snapshots, signature, byteRange, integrity, covering, dss, dssCertificates, validationTime, options);
            reports.Add(await ValidateOneAsync(evidence, ct));
        }

        var (indication, sub) = IndicationRules.RollUp(reports);
        return new DocumentValidationReport(indication, sub, Messages.ForDocument(indication, reports.Count), validationTime,
            document.Revisions.Count, pdf.Length, reports, problems);
    }

    async Task<SignatureValidationReport> ValidateOneAsync(SignatureEvidence evidence, CancellationToken ct)
    {
        var timestamps = TimestampsCheck.Run(evidence);
        var integrity = IntegrityCheck.Run(evidence, timestamps);
        var coverage = CoverageCheck.Run(evidence);
        var modifications = ModificationsCheck.Run(evidence);
        var trust = TrustCheck.Run(evidence, timestamps.BestSignatureTime);
        var revocation = await _revocation.RunAsync(evidence, trust.Chain, timestamps.BestSignatureTime, ct);
        var level = LevelCheck.Run(evidence, integrity, trust.Result, timestamps, revocation);

        var signature = evidence.Signature;
        var claimedTime = evidence.Cms?.SigningTime ?? SigningTimeOf(signature);
        var verdict = IndicationRules.Decide(new SignatureFacts(evidence.Kind, integrity, evidence.Integrity, coverage, modifications,
            timestamps, trust.Result, trust.Chain?.Expired ?? false, trust.Chain?.NotYetValid ?? false, revocation, claimedTime));

        IReadOnlyList<CheckOutcome> checks =
        [
            IntegrityCheck.Judge(integrity, evidence.Integrity),
            CoverageCheck.Judge(coverage, evidence.Snapshots.Count),
            ModificationsCheck.Judge(modifications),
            TimestampsCheck.Judge(timestamps, evidence.Kind),
            TrustCheck.Judge(trust.Result),
            RevocationCheck.Judge(revocation),
            LevelCheck.Judge(level),
        ];
        var reason = verdict.DecidedBy is { } decisive
            ? checks.First(c => c.Check == decisive).Message
            : new LocalizedMessage("Mọi bước kiểm tra đều đạt.", "Every check passed.");
        var signerName = evidence.Cms?.SignerCertificate?.GetNameInfo(X509NameType.SimpleName, false);
        var subject = $"\"{signature.FieldName}\"" + (signerName is null ? "" : $" ({signerName})");
        List<LocalizedMessage> warnings = signature.OutsideForm
            ?
            [
                new("Trường chữ ký nằm ngoài biểu mẫu (AcroForm): chỉ tìm thấy qua chú thích trên trang, một số phần mềm sẽ không hiển thị chữ ký này.",
                    "The signature field is outside the form (AcroForm): it was found only through the page's annotations, and some software will not show it."),
            ]
            : [];

        return new SignatureValidationReport(
            FieldName: signature.FieldName,
            Kind: evidence.Kind,
            SubFilter: signature.SubFilter,
            SignerName: signerName,
            Certification: IsCertification(evidence.Snapshots, signature),
            OutsideForm: signature.OutsideForm,
            ClaimedSigningTime: claimedTime,
            Integrity: integrity,
            Coverage: coverage,
            Modifications: modifications,
            Trust: trust.Result,
            Revocation: revocation,
            Timestamps: timestamps,
            Level: level,
            Indication: verdict.Indication,
            SubIndication: verdict.SubIndication,
            Message: Messages.ForSignature(verdict.Indication, subject, reason),
            Reason: reason,
            Checks: checks,
            Warnings: warnings);
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
