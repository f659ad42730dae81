using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Validation.Trust;

/// <summary>What a certificate must be good for.</summary>
internal enum CertificatePurpose
{
    Signing,
    Timestamping,
}

/// <summary>A chain built for one certificate at one time, and what was wrong with it.</summary>
/// <remarks>
/// <para><c>Elements</c>: Signer first, anchor last (as far as it got).</para>
/// </remarks>
internal sealed record ChainOutcome(TrustStatus Status, IReadOnlyList<X509Certificate2> Elements, bool KeyUsageValid,
    bool TimeValid, bool Expired, bool NotYetValid, IReadOnlyList<string> Reasons);

/// <summary>
/// Builds the chain with .NET's <see cref="X509Chain"/>: only the configured anchors are trusted
/// (CustomRootTrust), intermediates come from the CMS, the DSS and configuration, nothing is
/// downloaded, and revocation is left to <see cref="Revocation.RevocationChecker"/>. Outcomes are
/// cached: verifying the same signer at the same time again costs a dictionary lookup.
/// </summary>
internal static class ChainBuilder
{
    const int CacheCapacity = 4096;
    static readonly ConcurrentDictionary<string, ChainOutcome> Cache = new();

    const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";

    public static ChainOutcome Build(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra,
        IReadOnlyList<X509Certificate2> anchors, DateTimeOffset at, CertificatePurpose purpose)
    {
        var extraList = extra.DistinctBy(c => c.Thumbprint).ToList();
        // The path does not depend on the time, only validity does: build once, judge the time per call.
        var key = string.Join('|', certificate.Thumbprint, purpose,
            string.Join(',', anchors.Select(a => a.Thumbprint)), string.Join(',', extraList.Select(c => c.Thumbprint).Order()));
        if (!Cache.TryGetValue(key, out var built))
        {
            built = BuildPath(certificate, extraList, anchors, purpose);
            if (Cache.Count >= CacheCapacity)
                Cache.Clear();
            Cache[key] = built;
        }
        return AtTime(certificate, built, at);
    }

    static ChainOutcome AtTime(X509Certificate2 certificate, ChainOutcome built, DateTimeOffset at)
    {
        var reasons = new List<string>(built.Reasons);
        var when = at.UtcDateTime;
        var expired = certificate.NotAfter.ToUniversalTime() < when;
        var notYetValid = certificate.NotBefore.ToUniversalTime() > when;
        var caInvalid = built.Elements.Skip(1).Any(c => c.NotAfter.ToUniversalTime() < when || c.NotBefore.ToUniversalTime() > when);
        var name = certificate.GetNameInfo(X509NameType.SimpleName, false);
        if (expired)
            reasons.Add($"The certificate of {name} expired on {certificate.NotAfter.ToUniversalTime():u}, before {when:u}.");
        if (notYetValid)
            reasons.Add($"The certificate of {name} is valid only from {certificate.NotBefore.ToUniversalTime():u}, after {when:u}.");
        if (caInvalid)
            reasons.Add($"A CA certificate of the chain is not valid at {when:u}.");
        var timeValid = !expired && !notYetValid && !caInvalid;
        var status = built.Status == TrustStatus.Trusted && !timeValid ? TrustStatus.ChainInvalid : built.Status;
        return built with { Status = status, TimeValid = timeValid, Expired = expired, NotYetValid = notYetValid, Reasons = reasons };
    }

    static ChainOutcome BuildPath(X509Certificate2 certificate, List<X509Certificate2> extra,
        IReadOnlyList<X509Certificate2> anchors, CertificatePurpose purpose)
    {
        var reasons = new List<string>();
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors.ToArray());
        policy.ExtraStore.AddRange(extra.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationFlags = X509VerificationFlags.IgnoreWrongUsage | X509VerificationFlags.IgnoreNotTimeValid
            | X509VerificationFlags.IgnoreCtlNotTimeValid | X509VerificationFlags.IgnoreNotTimeNested;

        var built = anchors.Count > 0 && chain.Build(certificate);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        foreach (var element in chain.ChainElements)
            flags |= element.ChainElementStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        flags &= ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested | X509ChainStatusFlags.CtlNotTimeValid);

        var keyUsageValid = KeyUsageValid(certificate, purpose, reasons);

        TrustStatus status;
        if (anchors.Count == 0)
        {
            status = TrustStatus.NoChainToTrustAnchor;
            reasons.Add("No trust anchors are configured.");
        }
        else if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0
                 || !anchors.Any(a => elements.Count > 0 && a.RawDataMemory.Span.SequenceEqual(elements[^1].RawDataMemory.Span)))
        {
            status = TrustStatus.NoChainToTrustAnchor;
            reasons.Add("No chain leads from the signing certificate to a configured trust anchor.");
        }
        else
        {
            var problems = flags & ~X509ChainStatusFlags.NoError;
            if (problems != 0)
                reasons.Add("The chain is invalid: " + string.Join(", ", chain.ChainStatus.Where(s => (s.Status & problems) != 0).Select(s => s.StatusInformation.Trim()).Distinct()) + ".");
            status = problems == 0 && keyUsageValid && built ? TrustStatus.Trusted : TrustStatus.ChainInvalid;
        }
        return new ChainOutcome(status, elements, keyUsageValid, true, false, false, reasons);
    }

    static bool KeyUsageValid(X509Certificate2 certificate, CertificatePurpose purpose, List<string> reasons)
    {
        var valid = true;
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            valid = false;
            reasons.Add($"The certificate's key usage ({usage.KeyUsages}) allows neither digitalSignature nor nonRepudiation.");
        }
        if (purpose == CertificatePurpose.Timestamping
            && certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is var eku
            && (eku is null || eku.EnhancedKeyUsages.Cast<Oid>().All(o => o.Value != TimeStampingEku)))
        {
            valid = false;
            reasons.Add("The timestamping certificate lacks the id-kp-timeStamping extended key usage.");
        }
        return valid;
    }

    public static CertificateSummary Summary(X509Certificate2 certificate) => new(
        certificate.Subject, certificate.Issuer, certificate.SerialNumber,
        certificate.GetCertHashString(HashAlgorithmName.SHA256),
        new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
        new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
}
