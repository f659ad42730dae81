using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using BcX509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace DocService.Signing.Validation.Revocation;

/// <summary>What one OCSP response or CRL says about one certificate, once found authentic.</summary>
internal sealed record RevocationAnswer(RevocationStatus Status, DateTimeOffset? RevocationTime, string? Reason,
    DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate, DateTimeOffset? ProducedAt);

/// <summary>
/// OCSP (RFC 6960): requests are built and responses parsed with BouncyCastle's ASN.1 classes;
/// the response signature and the responder's certificate are checked with .NET keys. The
/// responder must be the issuer itself or a certificate the issuer gave id-kp-OCSPSigning.
/// </summary>
internal static class OcspResponseCheck
{
    const string OcspSigningEku = "1.3.6.1.5.5.7.3.9";

    /// <summary>A DER OCSPRequest for <paramref name="certificate"/>, with a nonce when given.</summary>
    public static byte[] BuildRequest(X509Certificate2 certificate, X509Certificate2 issuer, byte[]? nonce)
    {
        var certId = CertId(certificate, issuer);
        X509Extensions? extensions = null;
        if (nonce is not null)
        {
            extensions = new X509Extensions(new Dictionary<DerObjectIdentifier, Org.BouncyCastle.Asn1.X509.X509Extension>
            {
                [OcspObjectIdentifiers.PkixOcspNonce] = new(false, new DerOctetString(new DerOctetString(nonce).GetEncoded())),
            });
        }
        var request = new Request(certId, null);
        var tbs = new TbsRequest(null, new DerSequence(request), extensions);
        return new OcspRequest(tbs, null).GetEncoded(Asn1Encodable.Der);
    }

    static CertID CertId(X509Certificate2 certificate, X509Certificate2 issuer) => new(
        new AlgorithmIdentifier(new DerObjectIdentifier(Algorithms.Sha1), DerNull.Instance),
        new DerOctetString(SHA1.HashData(issuer.SubjectName.RawData)),
        new DerOctetString(SHA1.HashData(issuer.PublicKey.EncodedKeyValue.RawData)),
        new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray())));

    /// <summary>
    /// The answer for <paramref name="certificate"/> in a DER OCSPResponse, or null with the
    /// reason when the response is unusable (not successful, not authentic, not about it, wrong nonce).
    /// </summary>
    public static (RevocationAnswer? Answer, string? Problem) Check(byte[] responseBytes, X509Certificate2 certificate, X509Certificate2 issuer,
        byte[]? expectedNonce)
    {
        BasicOcspResp basic;
        try
        {
            var response = new OcspResp(responseBytes);
            if (response.Status != OcspRespStatus.Successful)
                return (null, $"the OCSP responder answered with status {response.Status}");
            if (response.GetResponseObject() is not BasicOcspResp b)
                return (null, "the OCSP response is not a basic response");
            basic = b;
        }
        catch (Exception e) when (e is IOException or ArgumentException or OcspException or InvalidCastException or InvalidOperationException)
        {
            return (null, "the OCSP response cannot be read: " + e.Message);
        }
        return Check(basic, certificate, issuer, expectedNonce);
    }

    /// <summary>Same, for a BasicOCSPResponse (as embedded in a DSS or a CMS).</summary>
    public static (RevocationAnswer? Answer, string? Problem) Check(BasicOcspResp basic, X509Certificate2 certificate, X509Certificate2 issuer,
        byte[]? expectedNonce)
    {
        var serial = certificate.SerialNumberBytes.ToArray();
        var serialNumber = new Org.BouncyCastle.Math.BigInteger(1, serial);
        var single = basic.Responses.FirstOrDefault(r => r.GetCertID().SerialNumber.Equals(serialNumber) && IssuedBy(r.GetCertID(), issuer));
        if (single is null)
            return (null, "the OCSP response is not about this certificate");

        if (expectedNonce is not null)
        {
            var nonce = basic.ResponseExtensions?.GetExtension(OcspObjectIdentifiers.PkixOcspNonce);
            var value = nonce is null ? null : Asn1OctetString.GetInstance(nonce.GetParsedValue()).GetOctets();
            if (value is null || !value.AsSpan().SequenceEqual(expectedNonce))
                return (null, "the OCSP response does not echo our nonce (a replayed response?)");
        }

        var producedAt = Utc(basic.ProducedAt);
        var responder = FindResponder(basic, issuer);
        if (responder is null)
            return (null, "the OCSP response is not signed by the issuer or by a responder the issuer authorised (id-kp-OCSPSigning)");
        if (responder.NotBefore.ToUniversalTime() > producedAt.UtcDateTime || responder.NotAfter.ToUniversalTime() < producedAt.UtcDateTime)
            return (null, "the OCSP responder's certificate was not valid when the response was produced");
        var info = Algorithms.Signature(basic.SignatureAlgorithm.Algorithm.Id);
        var (outcome, problem) = SignatureVerifier.Verify(responder, basic.SignatureAlgorithm, info?.HashOid ?? Algorithms.Sha256,
            basic.GetTbsResponseData(), basic.GetSignature());
        if (outcome != VerifyOutcome.Valid)
            return (null, "the OCSP response signature does not verify: " + problem);

        var status = single.GetCertStatus();
        var thisUpdate = Utc(single.ThisUpdate);
        DateTimeOffset? nextUpdate = single.NextUpdate is { } next ? Utc(next) : null;
        return status switch
        {
            null => (new RevocationAnswer(RevocationStatus.Good, null, null, thisUpdate, nextUpdate, producedAt), null),
            RevokedStatus revoked => (new RevocationAnswer(RevocationStatus.Revoked, Utc(revoked.RevocationTime),
                revoked.HasRevocationReason ? ReasonName(revoked.RevocationReason) : null, thisUpdate, nextUpdate, producedAt), null),
            _ => (null, "the OCSP responder does not know this certificate (status unknown)"),
        };
    }

    static bool IssuedBy(CertificateID id, X509Certificate2 issuer)
    {
        var name = Algorithms.Hash(id.HashAlgOid, issuer.SubjectName.RawData);
        var key = Algorithms.Hash(id.HashAlgOid, issuer.PublicKey.EncodedKeyValue.RawData);
        return name is not null && key is not null && name.AsSpan().SequenceEqual(id.GetIssuerNameHash()) && key.AsSpan().SequenceEqual(id.GetIssuerKeyHash());
    }

    /// <summary>The issuer itself, or a certificate in the response that the issuer signed and gave id-kp-OCSPSigning.</summary>
    static X509Certificate2? FindResponder(BasicOcspResp basic, X509Certificate2 issuer)
    {
        var responderId = basic.ResponderId.ToAsn1Object();
        if (Matches(responderId, issuer))
            return issuer;
        foreach (var candidate in basic.GetCerts())
        {
            var certificate = CertificateCache.Load(candidate.GetEncoded());
            if (!Matches(responderId, certificate))
                continue;
            var hasEku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
                .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == OcspSigningEku));
            if (hasEku && IsSignedBy(candidate, issuer))
                return certificate;
        }
        return null;
    }

    static bool Matches(ResponderID id, X509Certificate2 certificate)
    {
        if (id.Name is { } name)
            return name.Equivalent(Org.BouncyCastle.Asn1.X509.X509Name.GetInstance(Asn1Object.FromByteArray(certificate.SubjectName.RawData)));
        var keyHash = id.GetKeyHash();
        return keyHash is not null && SHA1.HashData(certificate.PublicKey.EncodedKeyValue.RawData).AsSpan().SequenceEqual(keyHash);
    }

    /// <summary>Whether <paramref name="certificate"/> carries a signature by <paramref name="issuer"/>'s key (checked with .NET).</summary>
    internal static bool IsSignedBy(BcX509Certificate certificate, X509Certificate2 issuer)
    {
        var structure = certificate.CertificateStructure;
        var algorithm = structure.SignatureAlgorithm;
        var hash = Algorithms.Signature(algorithm.Algorithm.Id)?.HashOid ?? Algorithms.Sha256;
        return SignatureVerifier.Verify(issuer, algorithm, hash, structure.TbsCertificate.GetEncoded(Asn1Encodable.Der), structure.Signature.GetOctets()).Outcome == VerifyOutcome.Valid;
    }

    static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    static string ReasonName(int reason) => reason switch
    {
        0 => "unspecified",
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        8 => "removeFromCRL",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => reason.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
