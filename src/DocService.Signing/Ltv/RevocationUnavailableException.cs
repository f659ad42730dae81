namespace DocService.Signing.Ltv;

/// <summary>
/// No OCSP responder or CRL distribution point gave usable revocation data for a certificate
/// whose chain we trust, so B-LT cannot be reached now. Nothing was written; try again later.
/// </summary>
public sealed class RevocationUnavailableException(string subject, IReadOnlyList<string> problems)
    : Exception($"No revocation data could be fetched for {subject}: {string.Join("; ", problems)}")
{
    public const string Code = "revocation.unavailable";

    public string Subject { get; } = subject;
    public IReadOnlyList<string> Problems { get; } = problems;
}
