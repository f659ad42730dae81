using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace DocService.Signing.Validation.Revocation;

/// <summary>CRLs (RFC 5280 §5): parsed with BouncyCastle, their signature checked with the issuer's .NET key.</summary>
internal static class CrlCheck
{
    public static (RevocationAnswer? Answer, string? Problem) Check(byte[] crlBytes, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        X509Crl crl;
        try
        {
            crl = new X509CrlParser().ReadCrl(crlBytes) ?? throw new IOException("empty");
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CrlException)
        {
            return (null, "the CRL cannot be read: " + e.Message);
        }
        var issuerName = X509Name.GetInstance(Asn1Object.FromByteArray(issuer.SubjectName.RawData));
        if (!crl.IssuerDN.Equivalent(issuerName))
            return (null, "the CRL is not issued by the certificate's issuer");
        var list = CertificateList.GetInstance(Asn1Object.FromByteArray(crl.GetEncoded()));
        var algorithm = list.SignatureAlgorithm;
        var hash = Algorithms.Signature(algorithm.Algorithm.Id)?.HashOid ?? Algorithms.Sha256;
        var (outcome, problem) = SignatureVerifier.Verify(issuer, algorithm, hash, crl.GetTbsCertList(), crl.GetSignature());
        if (outcome != VerifyOutcome.Valid)
            return (null, "the CRL signature does not verify: " + problem);

        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray());
        var thisUpdate = Utc(crl.ThisUpdate);
        DateTimeOffset? nextUpdate = crl.NextUpdate is { } next ? Utc(next) : null;
        var entry = crl.GetRevokedCertificate(serial);
        if (entry is null)
            return (new RevocationAnswer(RevocationStatus.Good, null, null, thisUpdate, nextUpdate, null), null);
        string? reason = null;
        if (entry.GetExtensionValue(X509Extensions.ReasonCode) is { } reasonValue)
            reason = CrlReason.GetInstance(Asn1Object.FromByteArray(reasonValue.GetOctets())).ToString();
        return (new RevocationAnswer(RevocationStatus.Revoked, Utc(entry.RevocationDate), reason, thisUpdate, nextUpdate, null), null);
    }

    static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
