using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Validation.Crypto;

/// <summary>
/// Certificates and their public keys, parsed once per distinct certificate: an auditor verifying
/// many documents of one organ meets the same few certificates again and again, and importing a
/// key is the most expensive step of a verification after hashing (DESIGN §12). Bounded: when
/// full it is cleared, which costs a re-import, never a wrong answer.
/// </summary>
internal static class CertificateCache
{
    const int Capacity = 4096;

    static readonly ConcurrentDictionary<string, X509Certificate2> Certificates = new();
    static readonly ConcurrentDictionary<string, AsymmetricAlgorithm> Keys = new();

    /// <summary>The certificate for these DER bytes; one shared instance per distinct certificate.</summary>
    public static X509Certificate2 Load(byte[] der)
    {
        var key = Convert.ToHexString(SHA256.HashData(der));
        if (Certificates.TryGetValue(key, out var cached))
            return cached;
        if (Certificates.Count >= Capacity)
            Certificates.Clear();
        return Certificates.GetOrAdd(key, _ => X509CertificateLoader.LoadCertificate(der));
    }

    /// <summary>The certificate's RSA or ECDSA public key, imported once; null for other key types.</summary>
    public static AsymmetricAlgorithm? PublicKey(X509Certificate2 certificate)
    {
        var key = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (Keys.TryGetValue(key, out var cached))
            return cached;
        AsymmetricAlgorithm? imported;
        try
        {
            imported = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey();
        }
        catch (CryptographicException)
        {
            imported = null; // a curve OpenSSL does not know, a malformed key
        }
        if (imported is null)
            return null;
        if (Keys.Count >= Capacity)
            Keys.Clear();
        return Keys.GetOrAdd(key, imported);
    }
}
