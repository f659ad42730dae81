using System.Security.Cryptography;
using DocService.Signing.Cms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocService.Signing.Timestamps;

/// <summary>
/// A small RFC 3161 timestamping authority for development and tests: it answers a DER
/// TimeStampReq with a DER TimeStampResp. BouncyCastle shapes the TSTInfo and SignedData; the
/// TSA key signs through <see cref="ISigner"/> like every other signature here. Serial numbers
/// are random (128 bits), so no state is kept between requests.
/// </summary>
public sealed class TimestampAuthority(ISigner tsa, string policyOid, TimeProvider? timeProvider = null)
{
    /// <summary>The policy under which the development TSA stamps (a private arc, not a real policy).</summary>
    public const string DevelopmentPolicy = "1.3.6.1.4.1.99999.1";

    static readonly DerObjectIdentifier IdTstInfo = new("1.2.840.113549.1.9.16.1.4");
    readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public ISigner Signer => tsa;

    public async Task<byte[]> RespondAsync(ReadOnlyMemory<byte> requestBytes, CancellationToken ct)
    {
        TimeStampReq request;
        try
        {
            request = TimeStampReq.GetInstance(Asn1Object.FromByteArray(requestBytes.ToArray()));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return Rejection(PkiFailureInfo.BadDataFormat, "The request is not a DER TimeStampReq.");
        }
        var imprint = request.MessageImprint;
        if (!DigestAlgorithmExtensions.TryFromOid(imprint.HashAlgorithm.Algorithm.Id, out var algorithm)
            || imprint.GetHashedMessage().Length != algorithm.DigestLength())
            return Rejection(PkiFailureInfo.BadAlg, "Only SHA-2 imprints of the right length are stamped.");
        if (request.ReqPolicy is { } asked && asked.Id != policyOid)
            return Rejection(PkiFailureInfo.UnacceptedPolicy, $"This TSA stamps under policy {policyOid} only.");

        var now = _time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var signer = CertificateStructures.Structure(tsa.Certificate);
        var info = new TstInfo(
            new DerObjectIdentifier(policyOid),
            imprint,
            new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, RandomNumberGenerator.GetBytes(16))),
            new Asn1GeneralizedTime(now),
            new Accuracy(DerInteger.One, null, null),
            null,
            request.Nonce,
            new GeneralName(signer.Subject),
            null);
        var content = info.GetEncoded(Asn1Encodable.Der);

        var signedAttributes = new DerSet(new Asn1EncodableVector(3)
        {
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(IdTstInfo)),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(SHA256.HashData(content)))),
            CertificateStructures.SigningCertificateV2Attribute(tsa.Certificate),
        });
        var digest = DigestAlgorithm.Sha256.Hash(signedAttributes.GetEncoded(Asn1Encodable.Der));
        var value = await tsa.SignAsync(digest, DigestAlgorithm.Sha256, ct).ConfigureAwait(false);

        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.Issuer, signer.SerialNumber)),
            DigestAlgorithm.Sha256.AlgorithmIdentifier(),
            signedAttributes,
            tsa.SignatureAlgorithm.AlgorithmIdentifier(DigestAlgorithm.Sha256),
            new DerOctetString(value),
            (Asn1Set?)null);
        Asn1Set? certificates = null;
        if (request.CertReq?.IsTrue == true)
        {
            var vector = new Asn1EncodableVector { signer };
            foreach (var certificate in tsa.Chain.Where(c => c.Thumbprint != tsa.Certificate.Thumbprint))
                vector.Add(CertificateStructures.Structure(certificate));
            certificates = new DerSet(vector);
        }
        var signedData = new SignedData(
            new DerSet(DigestAlgorithm.Sha256.AlgorithmIdentifier()),
            new ContentInfo(IdTstInfo, new DerOctetString(content)),
            certificates,
            null,
            new DerSet(signerInfo));
        var token = new ContentInfo(CmsObjectIdentifiers.SignedData, signedData);
        return new TimeStampResp(new PkiStatusInfo((int)PkiStatus.Granted), token).GetEncoded(Asn1Encodable.Der);
    }

    static byte[] Rejection(int failure, string text) =>
        new TimeStampResp(new PkiStatusInfo((int)PkiStatus.Rejection, new PkiFreeText(text), new PkiFailureInfo(failure)), null)
            .GetEncoded(Asn1Encodable.Der);
}

/// <summary>Stamps in process with a <see cref="TimestampAuthority"/>, checking the answer as the HTTP client does (tests, the CLI).</summary>
public sealed class LocalTimestampClient(TimestampAuthority authority) : ITimestampClient
{
    public async Task<byte[]> StampAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct)
    {
        var request = TimestampRequest.For(digest.Span, algorithm);
        var response = await authority.RespondAsync(request.Encode(), ct).ConfigureAwait(false);
        return TimestampResponse.Check(request, response).Encoded;
    }
}
