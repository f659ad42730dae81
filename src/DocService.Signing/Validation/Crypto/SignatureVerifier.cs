using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace DocService.Signing.Validation.Crypto;

/// <summary>The outcome of checking one signature value.</summary>
internal enum VerifyOutcome
{
    Valid,
    Invalid,
    Unsupported,
}

/// <summary>
/// Checks signature values with .NET's RSA and ECDSA (OpenSSL underneath) and cached keys.
/// EdDSA, which .NET lacks, goes to BouncyCastle: its keys are points, so no primality tests run.
/// </summary>
internal static class SignatureVerifier
{
    /// <param name="certificate">Whose public key checks the value.</param>
    /// <param name="algorithm">The signatureAlgorithm identifier (for PSS, its parameters decide the hash).</param>
    /// <param name="hashOid">The digest used for the data (the SignerInfo's digestAlgorithm).</param>
    /// <param name="data">The signed bytes (the DER signed attributes, or the content itself).</param>
    /// <param name="signature">The value as found.</param>
    public static (VerifyOutcome Outcome, string? Problem) Verify(X509Certificate2 certificate, AlgorithmIdentifier algorithm,
        string hashOid, byte[] data, byte[] signature) =>
        Verify(certificate, algorithm, hashOid, data, oid => Algorithms.Hash(oid, data), signature);

    /// <summary>Checks a signature made directly over content whose digest (<paramref name="digestOid"/>) is already known.</summary>
    public static (VerifyOutcome Outcome, string? Problem) VerifyDigest(X509Certificate2 certificate, AlgorithmIdentifier algorithm,
        string digestOid, byte[] digest, byte[] signature) =>
        Verify(certificate, algorithm, digestOid, null, oid => oid == digestOid ? digest : null, signature);

    static (VerifyOutcome Outcome, string? Problem) Verify(X509Certificate2 certificate, AlgorithmIdentifier algorithm,
        string hashOid, byte[]? data, Func<string, byte[]?> digestOf, byte[] signature)
    {
        if (Algorithms.Signature(algorithm.Algorithm.Id) is not { } info)
            return (VerifyOutcome.Unsupported, $"signature algorithm {algorithm.Algorithm.Id} is not supported");
        try
        {
            return info.Scheme switch
            {
                SignatureScheme.Ed25519 or SignatureScheme.Ed448 when data is null =>
                    (VerifyOutcome.Unsupported, "EdDSA without signed attributes is not supported"),
                SignatureScheme.Ed25519 or SignatureScheme.Ed448 => VerifyEdDsa(certificate, info.Scheme, data, signature),
                _ => VerifyWithDotNet(certificate, info, algorithm, hashOid, digestOf, signature),
            };
        }
        catch (CryptographicException e)
        {
            return (VerifyOutcome.Invalid, "the signature value could not be checked: " + e.Message);
        }
    }

    static (VerifyOutcome, string?) VerifyWithDotNet(X509Certificate2 certificate, SignatureAlgorithmInfo info, AlgorithmIdentifier algorithm,
        string hashOid, Func<string, byte[]?> digestOf, byte[] signature)
    {
        var effectiveHash = hashOid;
        if (info.Scheme == SignatureScheme.RsaPss)
        {
            var parameters = RsassaPssParameters.GetInstance(algorithm.Parameters ?? DerNull.Instance);
            effectiveHash = parameters.HashAlgorithm.Algorithm.Id;
        }
        if (Algorithms.HashName(effectiveHash) is not { } hashName || digestOf(effectiveHash) is not { } digest)
            return (VerifyOutcome.Unsupported, $"digest algorithm {Algorithms.DigestName(effectiveHash)} is not supported");

        var key = CertificateCache.PublicKey(certificate);
        switch (info.Scheme, key)
        {
            case (SignatureScheme.RsaPkcs1, RSA rsa):
                return Result(rsa.VerifyHash(digest, signature, hashName, RSASignaturePadding.Pkcs1));
            case (SignatureScheme.RsaPss, RSA rsa):
                return Result(rsa.VerifyHash(digest, signature, hashName, RSASignaturePadding.Pss));
            case (SignatureScheme.EcdsaDer, ECDsa ecdsa):
                return Result(ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence));
            case (SignatureScheme.EcdsaPlain, ECDsa ecdsa):
                return Result(ecdsa.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            case (_, null):
                return (VerifyOutcome.Unsupported, "the signer's public key type is not supported");
            default:
                return (VerifyOutcome.Invalid, $"the signature algorithm {info.Name} does not match the signer's {key.SignatureAlgorithm ?? "unknown"} key");
        }
    }

    static (VerifyOutcome, string?) VerifyEdDsa(X509Certificate2 certificate, SignatureScheme scheme, byte[] data, byte[] signature)
    {
        var keyBytes = certificate.PublicKey.EncodedKeyValue.RawData;
        Org.BouncyCastle.Crypto.ISigner signer = scheme == SignatureScheme.Ed25519 ? new Ed25519Signer() : new Ed448Signer([]);
        try
        {
            signer.Init(false, scheme == SignatureScheme.Ed25519 ? new Ed25519PublicKeyParameters(keyBytes) : new Ed448PublicKeyParameters(keyBytes));
        }
        catch (ArgumentException)
        {
            return (VerifyOutcome.Invalid, "the signer's key is not an " + scheme + " key");
        }
        signer.BlockUpdate(data, 0, data.Length);
        return Result(signer.VerifySignature(signature));
    }

    static (VerifyOutcome, string?) Result(bool valid) =>
        valid ? (VerifyOutcome.Valid, null) : (VerifyOutcome.Invalid, "the signature value does not verify with the signer's public key");
}
