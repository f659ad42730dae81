namespace DocService.Signing.Validation.Rules;

/// <summary>
/// The PAdES baseline level a signature reached (ETSI EN 319 142-1 §6), and in plain words why it
/// is not higher.
/// </summary>
internal static class LevelClassifier
{
    /// <param name="integrityValid">The signature itself is intact.</param>
    /// <param name="hasSigningCertificateAttribute">ESS signing-certificate(-v2) present and matching: required from B-B on.</param>
    /// <param name="timestamped">A valid signature timestamp, or a valid document timestamp covering the signature.</param>
    /// <param name="validationDataInDss">Revocation data for the signer's certificate in a DSS added after the signature.</param>
    /// <param name="archiveTimestamp">A valid document timestamp added after that DSS.</param>
    public static (LevelReached Level, string Reason) Classify(bool integrityValid, bool hasSigningCertificateAttribute,
        bool timestamped, bool validationDataInDss, bool archiveTimestamp)
    {
        if (!integrityValid)
            return (LevelReached.None, "The signature is not intact, so it reaches no level.");
        if (!hasSigningCertificateAttribute)
            return (LevelReached.None, "No matching signing-certificate(-v2) signed attribute: B-B requires it.");
        if (!timestamped)
            return (LevelReached.BB, "No valid signature timestamp or document timestamp: B-T requires one.");
        if (!validationDataInDss)
            return (LevelReached.BT, "No revocation data for the signer's certificate in a DSS dictionary: B-LT requires it.");
        if (!archiveTimestamp)
            return (LevelReached.BLT, "No valid document timestamp over the DSS: B-LTA requires one.");
        return (LevelReached.BLTA, "B-LTA is the highest level.");
    }
}
