using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing;

/// <summary>
/// The one port every key source sits behind: PKCS#12 held by the service, a PKCS#11 token or HSM,
/// or an official's own USB token reached through the three-step flow.
/// </summary>
public interface ISigner
{
    /// <summary>The signer's certificate, without its private key.</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>Intermediate certificates from the signer's issuer upwards, without the root.</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    SignatureAlgorithm SignatureAlgorithm { get; }

    /// <summary>
    /// Signs a precomputed <paramref name="digest"/>. RSA returns the raw signature block; ECDSA
    /// returns the DER SEQUENCE { r, s } that CMS carries.
    /// </summary>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct);
}
