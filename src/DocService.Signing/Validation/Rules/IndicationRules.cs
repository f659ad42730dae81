using DocService.Signing.Validation.Cms;

namespace DocService.Signing.Validation.Rules;

/// <summary>The check results one signature's indication is derived from.</summary>
internal sealed record SignatureFacts(
    SignatureKind Kind,
    IntegrityResult Integrity,
    CmsIntegrity Cms,
    CoverageResult Coverage,
    ModificationsResult Modifications,
    TimestampsResult Timestamps,
    TrustResult Trust,
    bool ChainExpired,
    bool ChainNotYetValid,
    RevocationResult Revocation,
    DateTimeOffset? ClaimedSigningTime);

/// <summary>An indication and the check that decided it (its message is the headline reason).</summary>
internal sealed record Verdict(Indication Indication, SubIndication? SubIndication, CheckName? DecidedBy);

/// <summary>
/// ETSI EN 319 102-1 indications from the check results, first failure wins, in the order of the
/// standard's building blocks: format, cryptography, modifications, identity, revocation, chain,
/// constraints. A broken timestamp then caps what is left at INDETERMINATE.
/// </summary>
internal static class IndicationRules
{
    public static Verdict Decide(SignatureFacts f)
    {
        var verdict = Basic(f);
        if (!f.Timestamps.Broken || verdict.Indication == Indication.TotalFailed)
            return verdict;
        // ETSI EN 319 102-1 §5.6.2: a timestamp that does not verify is no proof; what it should
        // prove cannot pass, and that failure is what the reader must see first.
        return new(Indication.Indeterminate,
            verdict.Indication == Indication.TotalPassed ? SubIndication.SigConstraintsFailure : verdict.SubIndication, CheckName.Timestamps);
    }

    static Verdict Basic(SignatureFacts f)
    {
        var integrity = f.Integrity;
        var attacks = f.Modifications.Attacks.Count > 0;
        if (f.Cms.UnsupportedLegacyFormat is not null)
            return new(Indication.Indeterminate, SubIndication.FormatFailure, CheckName.Integrity);
        if (!f.Coverage.ByteRangeValid)
            return new(Indication.TotalFailed, SubIndication.FormatFailure, CheckName.Coverage);
        if (f.Cms.Cms is null || f.Cms.FormatProblem || attacks && !integrity.Valid)
            return new(Indication.TotalFailed, SubIndication.FormatFailure, CheckName.Integrity);
        if (!integrity.DigestMatches)
            return new(Indication.TotalFailed, SubIndication.HashFailure, CheckName.Integrity);
        if (f.Cms.Cms.SignerCertificate is null)
            return new(Indication.Indeterminate, SubIndication.NoSigningCertificateFound, CheckName.Trust);
        if (!integrity.AlgorithmPairAllowed && integrity.SignatureVerifies)
            return new(Indication.Indeterminate, SubIndication.CryptoConstraintsFailure, CheckName.Integrity);
        if (!integrity.SignatureVerifies || !integrity.AlgorithmsConsistent)
            return new(Indication.TotalFailed, SubIndication.SigCryptoFailure, CheckName.Integrity);
        if (!integrity.Valid)
            return new(Indication.TotalFailed, SubIndication.FormatFailure, CheckName.Integrity);
        if (!f.Modifications.Permitted || attacks)
            return new(Indication.TotalFailed, SubIndication.FormatFailure, CheckName.Modifications);

        var earliestRevocation = f.Revocation.Certificates.Where(c => c.Status == RevocationStatus.Revoked).Select(c => c.RevocationTime).Min();
        var best = f.Timestamps.BestSignatureTime;
        var noPoe = f.Timestamps.BestSignatureTimeSource == BestTimeSource.ValidationTime;
        if (f.Revocation.Status == RevocationStatus.Revoked && earliestRevocation is { } revoked)
        {
            // Revoked before the proven time, or before the signer's own claimed time: never valid.
            if (revoked <= best && !noPoe || f.ClaimedSigningTime is { } claimed && revoked <= claimed)
                return new(Indication.TotalFailed, SubIndication.Revoked, CheckName.Revocation);
            if (noPoe)
                return new(Indication.Indeterminate, SubIndication.RevokedNoPoe, CheckName.Revocation);
        }
        if (f.Kind == SignatureKind.Signature && !f.Trust.SigningCertificateAttributeMatches)
            return new(Indication.Indeterminate, SubIndication.SigConstraintsFailure, CheckName.Trust);
        switch (f.Trust.Status)
        {
            case TrustStatus.NoSigningCertificate:
                return new(Indication.Indeterminate, SubIndication.NoSigningCertificateFound, CheckName.Trust);
            case TrustStatus.NoChainToTrustAnchor:
                return new(Indication.Indeterminate, SubIndication.NoCertificateChainFound, CheckName.Trust);
            case TrustStatus.ChainInvalid when f.ChainNotYetValid:
                return new(Indication.TotalFailed, SubIndication.NotYetValid, CheckName.Trust);
            case TrustStatus.ChainInvalid when f.ChainExpired:
                return new(Indication.Indeterminate, noPoe ? SubIndication.OutOfBoundsNoPoe : SubIndication.Expired, CheckName.Trust);
            case TrustStatus.ChainInvalid when !f.Trust.KeyUsageValid:
                return new(Indication.Indeterminate, SubIndication.ChainConstraintsFailure, CheckName.Trust);
            case TrustStatus.ChainInvalid:
                return new(Indication.Indeterminate, SubIndication.CertificateChainGeneralFailure, CheckName.Trust);
        }
        if (f.Revocation.Status != RevocationStatus.Good && f.Revocation.Status != RevocationStatus.Revoked)
            return new(Indication.Indeterminate, SubIndication.TryLater, CheckName.Revocation);
        if (!integrity.AlgorithmsAcceptable)
            return new(Indication.Indeterminate, SubIndication.CryptoConstraintsFailure, CheckName.Integrity);
        return new(Indication.TotalPassed, null, null);
    }

    /// <summary>The document's indication: the worst of its signatures'; no signature at all fails.</summary>
    public static (Indication, SubIndication?) RollUp(IReadOnlyList<SignatureValidationReport> signatures)
    {
        if (signatures.Count == 0)
            return (Indication.TotalFailed, SubIndication.SignedDataNotFound);
        var worst = signatures.MaxBy(s => s.Indication)!;
        return (worst.Indication, worst.SubIndication);
    }
}
