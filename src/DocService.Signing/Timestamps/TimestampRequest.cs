using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;

namespace DocService.Signing.Timestamps;

/// <summary>
/// An RFC 3161 TimeStampReq: the imprint, a fresh nonce (so a replayed answer is refused), a
/// policy when the caller wants one, and certReq so the token carries the TSA certificate that
/// later validation needs.
/// </summary>
public sealed record TimestampRequest
{
    public required byte[] Digest { get; init; }
    public required DigestAlgorithm Algorithm { get; init; }
    public required byte[] Nonce { get; init; }
    public string? PolicyOid { get; init; }
    public bool CertificateRequested { get; init; } = true;

    public static TimestampRequest For(ReadOnlySpan<byte> digest, DigestAlgorithm algorithm, string? policyOid = null)
    {
        algorithm.EnsureDigestLength(digest.Length, nameof(digest));
        var nonce = RandomNumberGenerator.GetBytes(16);
        nonce[0] &= 0x7F; // a positive INTEGER without a leading zero byte to trip comparisons
        nonce[0] |= 0x01;
        return new TimestampRequest { Digest = digest.ToArray(), Algorithm = algorithm, Nonce = nonce, PolicyOid = policyOid };
    }

    /// <summary>DER, as sent with Content-Type application/timestamp-query.</summary>
    public byte[] Encode() => new TimeStampReq(
            new MessageImprint(Algorithm.AlgorithmIdentifier(), Digest),
            PolicyOid is null ? null : new DerObjectIdentifier(PolicyOid),
            new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, Nonce)),
            DerBoolean.GetInstance(CertificateRequested),
            (X509Extensions?)null)
        .GetEncoded(Asn1Encodable.Der);
}
