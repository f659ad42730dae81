using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace DocService.Signing;

/// <summary>How the digest is signed: the key type plus, for RSA, the padding.</summary>
public enum SignatureAlgorithm
{
    /// <summary>RSASSA-PKCS1-v1_5 (sha256WithRSAEncryption, …).</summary>
    RsaPkcs1,

    /// <summary>RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash.</summary>
    RsaPss,

    /// <summary>ECDSA; the CMS value is the DER SEQUENCE { r, s }.</summary>
    Ecdsa,
}

public static class SignatureAlgorithmExtensions
{
    const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    const string EcPublicKeyOid = "1.2.840.10045.2.1";

    // Nine immutable identifiers, built once: the hot path only picks one.
    static readonly AlgorithmIdentifier[] Identifiers = BuildIdentifiers();

    public static bool IsRsa(this SignatureAlgorithm algorithm) =>
        algorithm is SignatureAlgorithm.RsaPkcs1 or SignatureAlgorithm.RsaPss;

    /// <summary>The CMS signatureAlgorithm OID used with <paramref name="digest"/>.</summary>
    public static string Oid(this SignatureAlgorithm algorithm, DigestAlgorithm digest) =>
        algorithm.AlgorithmIdentifier(digest).Algorithm.Id;

    /// <summary>The DER AlgorithmIdentifier that goes into SignerInfo.signatureAlgorithm.</summary>
    public static byte[] EncodedAlgorithmIdentifier(this SignatureAlgorithm algorithm, DigestAlgorithm digest) =>
        algorithm.AlgorithmIdentifier(digest).GetEncoded(Asn1Encodable.Der);

    /// <summary>The natural algorithm for a certificate's key: PKCS#1 v1.5 for RSA, ECDSA for EC.</summary>
    public static SignatureAlgorithm DefaultFor(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.PublicKey.Oid.Value switch
        {
            RsaEncryptionOid => SignatureAlgorithm.RsaPkcs1,
            EcPublicKeyOid => SignatureAlgorithm.Ecdsa,
            var other => throw new ArgumentException(
                $"The key of {certificate.Subject} ({other}) is neither RSA nor EC.", nameof(certificate)),
        };
    }

    /// <summary>Throws when the algorithm cannot be used with the certificate's key type.</summary>
    public static void EnsureMatchesKeyOf(this SignatureAlgorithm algorithm, X509Certificate2 certificate)
    {
        var natural = DefaultFor(certificate);
        if (natural.IsRsa() != algorithm.IsRsa())
        {
            throw new ArgumentException(
                $"{algorithm} cannot be used with the {(natural.IsRsa() ? "RSA" : "EC")} key of {certificate.Subject}.",
                nameof(algorithm));
        }
    }

    internal static AlgorithmIdentifier AlgorithmIdentifier(this SignatureAlgorithm algorithm, DigestAlgorithm digest)
    {
        var row = algorithm switch
        {
            SignatureAlgorithm.RsaPkcs1 => 0,
            SignatureAlgorithm.RsaPss => 1,
            SignatureAlgorithm.Ecdsa => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signature algorithm."),
        };
        digest.DigestLength(); // rejects an unknown digest
        return Identifiers[row * 3 + (int)digest];
    }

    static AlgorithmIdentifier[] BuildIdentifiers()
    {
        var digests = new[] { DigestAlgorithm.Sha256, DigestAlgorithm.Sha384, DigestAlgorithm.Sha512 };
        var result = new AlgorithmIdentifier[9];
        DerObjectIdentifier[] pkcs1 =
        [
            PkcsObjectIdentifiers.Sha256WithRsaEncryption,
            PkcsObjectIdentifiers.Sha384WithRsaEncryption,
            PkcsObjectIdentifiers.Sha512WithRsaEncryption,
        ];
        DerObjectIdentifier[] ecdsa =
        [
            X9ObjectIdentifiers.ECDsaWithSha256,
            X9ObjectIdentifiers.ECDsaWithSha384,
            X9ObjectIdentifiers.ECDsaWithSha512,
        ];
        foreach (var digest in digests)
        {
            var i = (int)digest;
            // RFC 5754 §3.2: the parameters of the sha*WithRSAEncryption identifiers MUST be NULL.
            result[i] = new AlgorithmIdentifier(pkcs1[i], DerNull.Instance);
            result[3 + i] = new AlgorithmIdentifier(PkcsObjectIdentifiers.IdRsassaPss, PssParameters(digest));
            // RFC 5758 §3.2: ecdsa-with-SHA2 identifiers have absent parameters.
            result[6 + i] = new AlgorithmIdentifier(ecdsa[i]);
        }
        return result;
    }

    // RFC 4055 / RFC 8017 A.2.3. This is what .NET's RSASignaturePadding.Pss produces: MGF1 with the
    // message hash and a salt as long as the hash. trailerField is 1 (trailerFieldBC), its DEFAULT,
    // so DER leaves it out.
    static RsassaPssParameters PssParameters(DigestAlgorithm digest)
    {
        var hash = digest.AlgorithmIdentifier();
        return new RsassaPssParameters(
            hash,
            new AlgorithmIdentifier(PkcsObjectIdentifiers.IdMgf1, hash),
            DerInteger.ValueOf(digest.DigestLength()),
            DerInteger.One);
    }
}
