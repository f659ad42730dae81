using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;

namespace DocService.Signing;

/// <summary>The message digests a signature may use. SHA-256 is the default everywhere.</summary>
public enum DigestAlgorithm
{
    Sha256,
    Sha384,
    Sha512,
}

public static class DigestAlgorithmExtensions
{
    // RFC 5754 §2: generate SHA-2 AlgorithmIdentifiers with absent parameters. Immutable, so shared.
    static readonly AlgorithmIdentifier Sha256Id = new(NistObjectIdentifiers.IdSha256);
    static readonly AlgorithmIdentifier Sha384Id = new(NistObjectIdentifiers.IdSha384);
    static readonly AlgorithmIdentifier Sha512Id = new(NistObjectIdentifiers.IdSha512);

    /// <summary>The algorithm's object identifier (id-sha256 = 2.16.840.1.101.3.4.2.1, …).</summary>
    public static string Oid(this DigestAlgorithm algorithm) => algorithm.ObjectIdentifier().Id;

    public static HashAlgorithmName HashAlgorithmName(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Sha256 => System.Security.Cryptography.HashAlgorithmName.SHA256,
        DigestAlgorithm.Sha384 => System.Security.Cryptography.HashAlgorithmName.SHA384,
        DigestAlgorithm.Sha512 => System.Security.Cryptography.HashAlgorithmName.SHA512,
        _ => throw Unknown(algorithm),
    };

    /// <summary>Length of the digest in bytes.</summary>
    public static int DigestLength(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Sha256 => SHA256.HashSizeInBytes,
        DigestAlgorithm.Sha384 => SHA384.HashSizeInBytes,
        DigestAlgorithm.Sha512 => SHA512.HashSizeInBytes,
        _ => throw Unknown(algorithm),
    };

    /// <summary>Hashes with .NET (OpenSSL underneath), never BouncyCastle: see DESIGN §12.</summary>
    public static byte[] Hash(this DigestAlgorithm algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
        DigestAlgorithm.Sha256 => SHA256.HashData(data),
        DigestAlgorithm.Sha384 => SHA384.HashData(data),
        DigestAlgorithm.Sha512 => SHA512.HashData(data),
        _ => throw Unknown(algorithm),
    };

    /// <summary>Reads an object identifier back, e.g. from a SignerInfo being validated.</summary>
    public static bool TryFromOid(string oid, out DigestAlgorithm algorithm)
    {
        foreach (var candidate in Enum.GetValues<DigestAlgorithm>())
        {
            if (candidate.Oid() == oid)
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = default;
        return false;
    }

    internal static DerObjectIdentifier ObjectIdentifier(this DigestAlgorithm algorithm) =>
        algorithm.AlgorithmIdentifier().Algorithm;

    internal static AlgorithmIdentifier AlgorithmIdentifier(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Sha256 => Sha256Id,
        DigestAlgorithm.Sha384 => Sha384Id,
        DigestAlgorithm.Sha512 => Sha512Id,
        _ => throw Unknown(algorithm),
    };

    internal static void EnsureDigestLength(this DigestAlgorithm algorithm, int length, string parameterName)
    {
        if (length != algorithm.DigestLength())
        {
            throw new ArgumentException(
                $"A {algorithm} digest is {algorithm.DigestLength()} bytes, not {length}.", parameterName);
        }
    }

    static ArgumentOutOfRangeException Unknown(DigestAlgorithm algorithm) =>
        new(nameof(algorithm), algorithm, "Unknown digest algorithm.");
}
