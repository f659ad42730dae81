namespace DocService.Signing.Validation.Rules;

/// <summary>The facts one signature's indication is derived from.</summary>
internal sealed record SignatureFacts(
    SignatureKind Kind,
    IntegrityResult Integrity,
    bool CmsReadable,
    bool SignerCertificateFound,
    bool ModificationsPermitted,
    IReadOnlyList<PdfAttack> Attacks,
    TrustResult Trust,
    bool ChainExpired,
    bool ChainNotYetValid,
    RevocationResult Revocation,
    DateTimeOffset? EarliestRevocation,
    DateTimeOffset BestSignatureTime,
    BestTimeSource BestTimeSource,
    DateTimeOffset? ClaimedSigningTime);

/// <summary>
/// ETSI EN 319 102-1 indications from the facts, first failure wins, in the order of the standard's
/// building blocks: format, cryptography, modifications, identity, revocation, chain, constraints.
/// </summary>
internal static class IndicationRules
{
    public static (Indication, SubIndication?) Decide(SignatureFacts f)
    {
        var integrity = f.Integrity;
        if (!f.CmsReadable || !integrity.ByteRangeValid || f.Attacks.Count > 0 && !integrity.Valid)
            return (Indication.TotalFailed, SubIndication.FormatFailure);
        if (!integrity.DigestMatches)
            return (Indication.TotalFailed, SubIndication.HashFailure);
        if (!f.SignerCertificateFound)
            return (Indication.Indeterminate, SubIndication.NoSigningCertificateFound);
        if (!integrity.SignatureVerifies || !integrity.AlgorithmsConsistent)
            return (Indication.TotalFailed, SubIndication.SigCryptoFailure);
        if (!integrity.Valid || !f.ModificationsPermitted || f.Attacks.Count > 0)
            return (Indication.TotalFailed, SubIndication.FormatFailure);

        if (f.Revocation.Status == RevocationStatus.Revoked && f.EarliestRevocation is { } revoked)
        {
            // Revoked before the proven time, or before the signer's own claimed time: never valid.
            if (revoked <= f.BestSignatureTime && f.BestTimeSource != BestTimeSource.ValidationTime
                || f.ClaimedSigningTime is { } claimed && revoked <= claimed)
                return (Indication.TotalFailed, SubIndication.Revoked);
            if (f.BestTimeSource == BestTimeSource.ValidationTime)
                return (Indication.Indeterminate, SubIndication.RevokedNoPoe);
        }
        if (f.Kind == SignatureKind.Signature && !f.Trust.SigningCertificateAttributeMatches)
            return (Indication.Indeterminate, SubIndication.SigConstraintsFailure);
        switch (f.Trust.Status)
        {
            case TrustStatus.NoSigningCertificate:
                return (Indication.Indeterminate, SubIndication.NoSigningCertificateFound);
            case TrustStatus.NoChainToTrustAnchor:
                return (Indication.Indeterminate, SubIndication.NoCertificateChainFound);
            case TrustStatus.ChainInvalid when f.ChainNotYetValid:
                return (Indication.TotalFailed, SubIndication.NotYetValid);
            case TrustStatus.ChainInvalid when f.ChainExpired:
                return (Indication.Indeterminate, f.BestTimeSource == BestTimeSource.ValidationTime ? SubIndication.OutOfBoundsNoPoe : SubIndication.Expired);
            case TrustStatus.ChainInvalid when !f.Trust.KeyUsageValid:
                return (Indication.Indeterminate, SubIndication.ChainConstraintsFailure);
            case TrustStatus.ChainInvalid:
                return (Indication.Indeterminate, SubIndication.CertificateChainGeneralFailure);
        }
        if (f.Revocation.Status != RevocationStatus.Good && f.Revocation.Status != RevocationStatus.Revoked)
            return (Indication.Indeterminate, SubIndication.TryLater);
        if (!integrity.AlgorithmsAcceptable)
            return (Indication.Indeterminate, SubIndication.CryptoConstraintsFailure);
        return (Indication.TotalPassed, null);
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
