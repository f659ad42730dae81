using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace DocService.Signing.Revocation;

/// <summary>
/// A small RFC 6960 OCSP responder for development and tests, the counterpart of the development TSA: it answers a
/// DER OCSPRequest with a DER OCSPResponse signed through <see cref="ISigner"/> by a delegated responder certificate.
/// What it says comes from the issuer's own CRL, so the two never disagree: a serial the CRL lists is revoked (with
/// its date and reason), a certificate the issuer is known to have issued is good, anything else is unknown — as is
/// any certificate of another issuer (§2.2). No state is kept between requests.
/// </summary>
public sealed class OcspResponder
{
    /// <summary>More questions in one request than any client asks: refused as malformed.</summary>
    public const int MaxRequestsPerMessage = 64;

    readonly ISigner _responder;
    readonly X509Certificate2 _issuer;
    readonly Dictionary<BigInteger, (DateTime Date, int? Reason)> _revoked = [];
    readonly HashSet<BigInteger> _issued;
    readonly TimeSpan _validity;
    readonly TimeProvider _time;
    readonly byte[] _responderKeyHash;

    /// <param name="responder">The responder's key and certificate (id-kp-OCSPSigning, issued by <paramref name="issuer"/>).</param>
    /// <param name="issuer">The CA whose certificates this responder speaks for.</param>
    /// <param name="issuerCrl">The issuer's CRL (DER); it must verify under the issuer's key.</param>
    /// <param name="issued">Certificates the issuer issued; those not on the CRL answer good.</param>
    /// <param name="validity">How long an answer holds (its nextUpdate after thisUpdate).</param>
    /// <param name="timeProvider">The clock for thisUpdate and producedAt.</param>
    public OcspResponder(ISigner responder, X509Certificate2 issuer, ReadOnlyMemory<byte> issuerCrl, IEnumerable<X509Certificate2> issued,
        TimeSpan validity, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(issued);
        _responder = responder;
        _issuer = issuer;
        _validity = validity;
        _time = timeProvider ?? TimeProvider.System;
        _responderKeyHash = SHA1.HashData(responder.Certificate.PublicKey.EncodedKeyValue.RawData);

        var crl = new X509CrlParser().ReadCrl(issuerCrl.ToArray())
            ?? throw new ArgumentException("The issuer's CRL cannot be read.", nameof(issuerCrl));
        crl.Verify(new X509CertificateParser().ReadCertificate(issuer.RawData).GetPublicKey());
        foreach (var entry in crl.GetRevokedCertificates() ?? new HashSet<X509CrlEntry>())
            _revoked[entry.SerialNumber] = (entry.RevocationDate, ReasonOf(entry));
        _issued = issued.Where(c => c.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
            .Select(c => new BigInteger(1, c.SerialNumberBytes.ToArray())).ToHashSet();
    }

    public async Task<byte[]> RespondAsync(ReadOnlyMemory<byte> requestBytes, CancellationToken ct)
    {
        OcspRequest request;
        Asn1Sequence questions;
        try
        {
            request = OcspRequest.GetInstance(Asn1Object.FromByteArray(requestBytes.ToArray()));
            questions = request.TbsRequest.RequestList;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return Failure(OcspResponseStatus.MalformedRequest);
        }
        if (questions.Count is 0 or > MaxRequestsPerMessage)
            return Failure(OcspResponseStatus.MalformedRequest);

        var now = _time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc); // DER time in whole seconds
        var answers = new Asn1EncodableVector(questions.Count);
        foreach (var question in questions)
        {
            var id = Request.GetInstance(question).ReqCert;
            answers.Add(new SingleResponse(id, StatusOf(id), new Asn1GeneralizedTime(now), new Asn1GeneralizedTime(now + _validity), null));
        }
        var nonce = request.TbsRequest.RequestExtensions?.GetExtension(OcspObjectIdentifiers.PkixOcspNonce);
        var data = new ResponseData(
            new ResponderID(new DerOctetString(_responderKeyHash)),
            new Asn1GeneralizedTime(now),
            new DerSequence(answers),
            nonce is null ? null : new X509Extensions(new Dictionary<DerObjectIdentifier, Org.BouncyCastle.Asn1.X509.X509Extension> { [OcspObjectIdentifiers.PkixOcspNonce] = nonce }));

        var digest = DigestAlgorithm.Sha256.Hash(data.GetEncoded(Asn1Encodable.Der));
        var signature = await _responder.SignAsync(digest, DigestAlgorithm.Sha256, ct).ConfigureAwait(false);
        var basic = new BasicOcspResponse(
            data,
            _responder.SignatureAlgorithm.AlgorithmIdentifier(DigestAlgorithm.Sha256),
            new DerBitString(signature),
            new DerSequence(Cms.CertificateStructures.Structure(_responder.Certificate)));
        return new OcspResponse(
            new OcspResponseStatus(OcspResponseStatus.Successful),
            new ResponseBytes(OcspObjectIdentifiers.PkixOcspBasic, new DerOctetString(basic.GetEncoded(Asn1Encodable.Der))))
            .GetEncoded(Asn1Encodable.Der);
    }

    CertStatus StatusOf(CertID id)
    {
        if (!AboutIssuer(id))
            return Unknown;
        var serial = id.SerialNumber.Value;
        if (_revoked.TryGetValue(serial, out var revoked))
            return new CertStatus(new RevokedInfo(new Asn1GeneralizedTime(revoked.Date), revoked.Reason is { } r ? new CrlReason(r) : null));
        return _issued.Contains(serial) ? new CertStatus() : Unknown;
    }

    static CertStatus Unknown => new(2, DerNull.Instance);

    /// <summary>The CertID names our issuer: its name and key hashed with the algorithm the client chose.</summary>
    bool AboutIssuer(CertID id)
    {
        Func<byte[], byte[]>? hash = id.HashAlgorithm.Algorithm.Id switch
        {
            "1.3.14.3.2.26" => SHA1.HashData,
            "2.16.840.1.101.3.4.2.1" => SHA256.HashData,
            "2.16.840.1.101.3.4.2.2" => SHA384.HashData,
            "2.16.840.1.101.3.4.2.3" => SHA512.HashData,
            _ => null,
        };
        return hash is not null
            && id.IssuerNameHash.GetOctets().AsSpan().SequenceEqual(hash(_issuer.SubjectName.RawData))
            && id.IssuerKeyHash.GetOctets().AsSpan().SequenceEqual(hash(_issuer.PublicKey.EncodedKeyValue.RawData));
    }

    static int? ReasonOf(X509CrlEntry entry) =>
        entry.GetExtensionValue(X509Extensions.ReasonCode) is { } value
            ? DerEnumerated.GetInstance(Asn1Object.FromByteArray(value.GetOctets())).IntValueExact
            : null;

    static byte[] Failure(int status) => new OcspResponse(new OcspResponseStatus(status), null).GetEncoded(Asn1Encodable.Der);
}
