using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocService.Signing.Cms;

/// <summary>
/// The ASN.1 view of a certificate and its signing-certificate-v2 attribute, parsed once per
/// certificate instance: a long-lived signer (a loaded PKCS#12) hands the same instances to every
/// signature, so the hot path parses nothing. The entries go when the certificate does.
/// </summary>
internal static class CertificateStructures
{
    static readonly ConditionalWeakTable<X509Certificate2, Entry> Cache = new();

    public static X509CertificateStructure Structure(X509Certificate2 certificate) => Get(certificate).Structure;

    public static CmsAttribute SigningCertificateV2Attribute(X509Certificate2 certificate) =>
        Get(certificate).SigningCertificateV2;

    static Entry Get(X509Certificate2 certificate) => Cache.GetValue(certificate, Parse);

    static Entry Parse(X509Certificate2 certificate)
    {
        var structure = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(certificate.RawData));

        // RFC 5035: ESSCertIDv2 with SHA-256 (the DEFAULT, so DER omits hashAlgorithm) and
        // issuerSerial, which binds the signature to this exact certificate.
        var certHash = SHA256.HashData(certificate.RawDataMemory.Span);
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(structure.Issuer)), structure.SerialNumber);
        var attribute = new CmsAttribute(
            Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdAASigningCertificateV2,
            new DerSet(new SigningCertificateV2(new EssCertIDv2(certHash, issuerSerial))));
        return new Entry(structure, attribute);
    }

    sealed record Entry(X509CertificateStructure Structure, CmsAttribute SigningCertificateV2);
}
