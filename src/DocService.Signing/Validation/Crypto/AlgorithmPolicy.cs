using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Validation.Crypto;

/// <summary>An algorithm no longer acceptable for signatures made after <c>Since</c>.</summary>
internal sealed record Deprecation(string Algorithm, DateTimeOffset Since);

/// <summary>
/// The dates after which ETSI TS 119 312 no longer accepts an algorithm for signatures, as EU DSS's
/// default validation policy applies them: a signature made (and proven made) before the date keeps
/// its value; one without that proof cannot rely on the algorithm.
/// </summary>
internal static class AlgorithmPolicy
{
    static readonly DateTimeOffset Md5Sunset = new(2005, 8, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Sha1Sunset = new(2009, 8, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Rsa1024Sunset = new(2010, 8, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Rsa1536Sunset = new(2019, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Deprecation> Deprecations(string digestOid, X509Certificate2? signer)
    {
        var found = new List<Deprecation>();
        if (digestOid == Algorithms.Md5)
            found.Add(new("MD5", Md5Sunset));
        if (digestOid == Algorithms.Sha1)
            found.Add(new("SHA-1", Sha1Sunset));
        using var rsa = signer?.GetRSAPublicKey();
        if (rsa is { KeySize: < 1536 })
            found.Add(new($"RSA-{rsa.KeySize}", Rsa1024Sunset));
        else if (rsa is { KeySize: < 1900 })
            found.Add(new($"RSA-{rsa.KeySize}", Rsa1536Sunset));
        return found;
    }

    /// <summary>Whether every deprecated algorithm is covered by proof that the signature existed before its date, and the dated statements.</summary>
    public static (bool Acceptable, IReadOnlyList<string> Warnings) Judge(IReadOnlyList<Deprecation> deprecations, DateTimeOffset bestTime, bool proven)
    {
        var warnings = deprecations.Select(d => proven && bestTime < d.Since
            ? $"{d.Algorithm} is not acceptable for signatures made after {d.Since:yyyy-MM-dd} (ETSI TS 119 312); this one is proven to exist on {bestTime:yyyy-MM-dd}, before that date."
            : $"{d.Algorithm} is not acceptable for signatures made after {d.Since:yyyy-MM-dd} (ETSI TS 119 312), and nothing proves this one existed before that date.").ToList();
        return (deprecations.All(d => proven && bestTime < d.Since), warnings);
    }
}
