using System.Security.Cryptography;

namespace DocService.Signing.Validation.Crypto;

/// <summary>How a signature value is checked: key family, padding or encoding, and the hash it names (if any).</summary>
internal enum SignatureScheme
{
    RsaPkcs1,
    RsaPss,
    EcdsaDer,
    EcdsaPlain,
    Ed25519,
    Ed448,
}

/// <summary>A signatureAlgorithm OID understood: its scheme and the hash it fixes (null: the SignerInfo's digestAlgorithm decides).</summary>
internal sealed record SignatureAlgorithmInfo(string Oid, string Name, SignatureScheme Scheme, string? HashOid);

/// <summary>
/// The digest and signature algorithm identifiers a validator meets in the field, mapped to .NET.
/// SHA-1 and MD5 are recognised so that old files get a precise verdict ("weak algorithm") instead
/// of "unknown".
/// </summary>
internal static class Algorithms
{
    public const string Md5 = "1.2.840.113549.2.5";
    public const string Sha1 = "1.3.14.3.2.26";
    public const string Sha224 = "2.16.840.1.101.3.4.2.4";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";
    public const string Sha3_256 = "2.16.840.1.101.3.4.2.8";
    public const string Sha3_384 = "2.16.840.1.101.3.4.2.9";
    public const string Sha3_512 = "2.16.840.1.101.3.4.2.10";
    public const string Shake256 = "2.16.840.1.101.3.4.2.12";
    public const string Shake256Len = "2.16.840.1.101.3.4.2.18";

    static readonly Dictionary<string, string> DigestNames = new()
    {
        [Md5] = "MD5",
        [Sha1] = "SHA-1",
        [Sha224] = "SHA-224",
        [Sha256] = "SHA-256",
        [Sha384] = "SHA-384",
        [Sha512] = "SHA-512",
        [Sha3_256] = "SHA3-256",
        [Sha3_384] = "SHA3-384",
        [Sha3_512] = "SHA3-512",
        [Shake256] = "SHAKE256",
        [Shake256Len] = "SHAKE256",
    };

    static readonly Dictionary<string, SignatureAlgorithmInfo> Signatures = new SignatureAlgorithmInfo[]
    {
        new("1.2.840.113549.1.1.1", "RSA", SignatureScheme.RsaPkcs1, null),
        new("1.2.840.113549.1.1.4", "MD5withRSA", SignatureScheme.RsaPkcs1, Md5),
        new("1.2.840.113549.1.1.5", "SHA1withRSA", SignatureScheme.RsaPkcs1, Sha1),
        new("1.2.840.113549.1.1.14", "SHA224withRSA", SignatureScheme.RsaPkcs1, Sha224),
        new("1.2.840.113549.1.1.11", "SHA256withRSA", SignatureScheme.RsaPkcs1, Sha256),
        new("1.2.840.113549.1.1.12", "SHA384withRSA", SignatureScheme.RsaPkcs1, Sha384),
        new("1.2.840.113549.1.1.13", "SHA512withRSA", SignatureScheme.RsaPkcs1, Sha512),
        new("2.16.840.1.101.3.4.3.14", "SHA3-256withRSA", SignatureScheme.RsaPkcs1, Sha3_256),
        new("2.16.840.1.101.3.4.3.15", "SHA3-384withRSA", SignatureScheme.RsaPkcs1, Sha3_384),
        new("2.16.840.1.101.3.4.3.16", "SHA3-512withRSA", SignatureScheme.RsaPkcs1, Sha3_512),
        new("1.2.840.113549.1.1.10", "RSASSA-PSS", SignatureScheme.RsaPss, null),
        new("1.2.840.10045.2.1", "ECDSA", SignatureScheme.EcdsaDer, null),
        new("1.2.840.10045.4.1", "SHA1withECDSA", SignatureScheme.EcdsaDer, Sha1),
        new("1.2.840.10045.4.3.1", "SHA224withECDSA", SignatureScheme.EcdsaDer, Sha224),
        new("1.2.840.10045.4.3.2", "SHA256withECDSA", SignatureScheme.EcdsaDer, Sha256),
        new("1.2.840.10045.4.3.3", "SHA384withECDSA", SignatureScheme.EcdsaDer, Sha384),
        new("1.2.840.10045.4.3.4", "SHA512withECDSA", SignatureScheme.EcdsaDer, Sha512),
        new("2.16.840.1.101.3.4.3.10", "SHA3-256withECDSA", SignatureScheme.EcdsaDer, Sha3_256),
        new("2.16.840.1.101.3.4.3.11", "SHA3-384withECDSA", SignatureScheme.EcdsaDer, Sha3_384),
        new("2.16.840.1.101.3.4.3.12", "SHA3-512withECDSA", SignatureScheme.EcdsaDer, Sha3_512),
        // BSI TR-03111 plain (r‖s) ECDSA.
        new("0.4.0.127.0.7.1.1.4.1.1", "SHA1withPLAIN-ECDSA", SignatureScheme.EcdsaPlain, Sha1),
        new("0.4.0.127.0.7.1.1.4.1.2", "SHA224withPLAIN-ECDSA", SignatureScheme.EcdsaPlain, Sha224),
        new("0.4.0.127.0.7.1.1.4.1.3", "SHA256withPLAIN-ECDSA", SignatureScheme.EcdsaPlain, Sha256),
        new("0.4.0.127.0.7.1.1.4.1.4", "SHA384withPLAIN-ECDSA", SignatureScheme.EcdsaPlain, Sha384),
        new("0.4.0.127.0.7.1.1.4.1.5", "SHA512withPLAIN-ECDSA", SignatureScheme.EcdsaPlain, Sha512),
        new("1.3.101.112", "Ed25519", SignatureScheme.Ed25519, null),
        new("1.3.101.113", "Ed448", SignatureScheme.Ed448, null),
    }.ToDictionary(a => a.Oid);

    public static string DigestName(string oid) => DigestNames.GetValueOrDefault(oid, oid);

    public static SignatureAlgorithmInfo? Signature(string oid) => Signatures.GetValueOrDefault(oid);

    /// <summary>A .NET incremental hash for the OID, or null when .NET (or the OpenSSL under it) lacks it.</summary>
    public static IncrementalHash? CreateHash(string oid)
    {
        var name = oid switch
        {
            Md5 => HashAlgorithmName.MD5,
            Sha1 => HashAlgorithmName.SHA1,
            Sha256 => HashAlgorithmName.SHA256,
            Sha384 => HashAlgorithmName.SHA384,
            Sha512 => HashAlgorithmName.SHA512,
            Sha3_256 when SHA3_256.IsSupported => HashAlgorithmName.SHA3_256,
            Sha3_384 when SHA3_384.IsSupported => HashAlgorithmName.SHA3_384,
            Sha3_512 when SHA3_512.IsSupported => HashAlgorithmName.SHA3_512,
            _ => default(HashAlgorithmName?),
        };
        return name is { } n ? IncrementalHash.CreateHash(n) : null;
    }

    /// <summary>Hashes <paramref name="data"/>; null when the algorithm is not available.</summary>
    public static byte[]? Hash(string oid, ReadOnlySpan<byte> data)
    {
        if (oid is Shake256 or Shake256Len)
            return Shake256Supported ? System.Security.Cryptography.Shake256.HashData(data, 64) : null;
        using var hash = CreateHash(oid);
        if (hash is null)
            return null;
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    static bool Shake256Supported => System.Security.Cryptography.Shake256.IsSupported;

    public static HashAlgorithmName? HashName(string oid) => oid switch
    {
        Md5 => HashAlgorithmName.MD5,
        Sha1 => HashAlgorithmName.SHA1,
        Sha256 => HashAlgorithmName.SHA256,
        Sha384 => HashAlgorithmName.SHA384,
        Sha512 => HashAlgorithmName.SHA512,
        Sha3_256 => HashAlgorithmName.SHA3_256,
        Sha3_384 => HashAlgorithmName.SHA3_384,
        Sha3_512 => HashAlgorithmName.SHA3_512,
        _ => null,
    };
}
