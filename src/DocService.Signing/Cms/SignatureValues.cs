using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Cms;

/// <summary>Checks a signature value over a digest with .NET (never BouncyCastle: DESIGN §12).</summary>
internal static class SignatureValues
{
    /// <summary>
    /// Returns the value as CMS carries it when it verifies, null otherwise. ECDSA values may arrive
    /// as DER or as IEEE P1363 r‖s (what PKCS#11 tokens and WebCrypto return); the result is DER.
    /// </summary>
    public static byte[]? VerifyAndNormalise(
        X509Certificate2 certificate, SignatureAlgorithm algorithm, DigestAlgorithm digestAlgorithm,
        ReadOnlySpan<byte> digest, byte[] value)
    {
        switch (algorithm)
        {
            case SignatureAlgorithm.RsaPkcs1:
            case SignatureAlgorithm.RsaPss:
                {
                    using var rsa = certificate.GetRSAPublicKey()
                        ?? throw new ArgumentException($"{certificate.Subject} has no RSA key.", nameof(certificate));
                    var padding = algorithm == SignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                    return rsa.VerifyHash(digest, value, digestAlgorithm.HashAlgorithmName(), padding) ? value : null;
                }
            case SignatureAlgorithm.Ecdsa:
                {
                    using var ecdsa = certificate.GetECDsaPublicKey()
                        ?? throw new ArgumentException($"{certificate.Subject} has no EC key.", nameof(certificate));
                    if (ecdsa.VerifyHash(digest, value, DSASignatureFormat.Rfc3279DerSequence))
                    {
                        return value;
                    }
                    var fieldBytes = (ecdsa.KeySize + 7) / 8;
                    if (value.Length == 2 * fieldBytes
                        && ecdsa.VerifyHash(digest, value, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                    {
                        return P1363ToDer(value);
                    }
                    return null;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signature algorithm.");
        }
    }

    internal static byte[] P1363ToDer(ReadOnlySpan<byte> value)
    {
        var half = value.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(value[..half]);
            writer.WriteIntegerUnsigned(value[half..]);
        }
        return writer.Encode();
    }
}
