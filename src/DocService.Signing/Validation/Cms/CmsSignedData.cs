using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using DocService.Signing.Validation.Crypto;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;

namespace DocService.Signing.Validation.Cms;

/// <summary>The bytes could not be read as CMS SignedData.</summary>
internal sealed class CmsFormatException(string message) : Exception(message);

/// <summary>A reference to a certificate in signing-certificate(-v2) or a TST's ESS attribute.</summary>
internal sealed record CertificateReference(string HashOid, byte[] Hash, IssuerSerial? IssuerSerial);

/// <summary>
/// One CMS SignedData (RFC 5652) parsed for validation, BER or DER: the structure comes from
/// BouncyCastle, the certificates are .NET's. Nothing here is verified yet.
/// </summary>
internal sealed class CmsSignedData
{
    static readonly DerObjectIdentifier IdSigningCertificateV1 = PkcsObjectIdentifiers.IdAASigningCertificate;
    static readonly DerObjectIdentifier IdSigningCertificateV2 = PkcsObjectIdentifiers.IdAASigningCertificateV2;

    CmsSignedData() { }

    public required int SignerInfoCount { get; init; }
    public required SignerInfo SignerInfo { get; init; }
    public required string EncapsulatedContentType { get; init; }
    public required byte[]? EncapsulatedContent { get; init; }
    public required IReadOnlyList<X509Certificate2> Certificates { get; init; }
    public required X509Certificate2? SignerCertificate { get; set; }
    public required string DigestAlgorithmOid { get; init; }
    public required AlgorithmIdentifier SignatureAlgorithm { get; init; }
    public required byte[] SignatureValue { get; init; }

    /// <summary>The signed attributes with the SET OF tag, in the order and encoding they were received.</summary>
    public required byte[]? SignedAttributesAsReceived { get; init; }

    /// <summary>The same attributes in DER (SET OF sorted), which RFC 5652 §5.4 says the signature covers.</summary>
    public required byte[]? SignedAttributesDer { get; init; }

    public required byte[]? MessageDigest { get; init; }
    public required string? ContentTypeAttribute { get; init; }
    public required DateTimeOffset? SigningTime { get; init; }
    public required IReadOnlyList<CertificateReference> SigningCertificateReferences { get; init; }
    public required Asn1Set? UnsignedAttributes { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>CRLs in SignedData.crls and in Adobe's revocationInfoArchival signed attribute.</summary>
    public required IReadOnlyList<byte[]> EmbeddedCrls { get; init; }

    /// <summary>OCSP responses in Adobe's revocationInfoArchival signed attribute.</summary>
    public required IReadOnlyList<byte[]> EmbeddedOcspResponses { get; init; }

    public bool HasSignedAttributes => SignedAttributesAsReceived is not null;

    public IEnumerable<Asn1Encodable> UnsignedAttributeValues(DerObjectIdentifier type) =>
        UnsignedAttributes is null
            ? []
            : UnsignedAttributes.OfType<Asn1Encodable>().Select(CmsAttribute.GetInstance)
                .Where(a => a.AttrType.Equals(type)).SelectMany(a => a.AttrValues.OfType<Asn1Encodable>());

    public static CmsSignedData Parse(ReadOnlySpan<byte> bytes)
    {
        var (length, problem) = Asn1Guard.Check(bytes);
        if (problem is not null)
            throw new CmsFormatException("The CMS is not valid ASN.1: " + problem + ".");
        try
        {
            var data = bytes[..length].ToArray();
            using var input = new Asn1InputStream(data);
            var contentInfo = ContentInfo.GetInstance(input.ReadObject());
            if (!contentInfo.ContentType.Equals(CmsObjectIdentifiers.SignedData))
                throw new CmsFormatException($"The CMS content type is {contentInfo.ContentType.Id}, not signedData.");
            return FromSignedData(SignedData.GetInstance(contentInfo.Content));
        }
        catch (Exception e) when (e is not CmsFormatException)
        {
            throw new CmsFormatException("The CMS could not be parsed: " + e.Message);
        }
    }

    static CmsSignedData FromSignedData(SignedData signedData)
    {
        var problems = new List<string>();
        if (signedData.SignerInfos.Count == 0)
            throw new CmsFormatException("The CMS has no SignerInfo.");
        var signerInfo = SignerInfo.GetInstance(signedData.SignerInfos[0]);

        var structures = new List<(X509CertificateStructure Structure, X509Certificate2 Certificate)>();
        foreach (var entry in signedData.Certificates?.OfType<Asn1Encodable>() ?? [])
        {
            if (entry.ToAsn1Object() is not Asn1Sequence)
                continue; // attribute or other certificate formats
            try
            {
                var structure = X509CertificateStructure.GetInstance(entry);
                structures.Add((structure, CertificateCache.Load(structure.GetEncoded(Asn1Encodable.Der))));
            }
            catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException or InvalidCastException)
            {
                problems.Add("A certificate in the CMS could not be read: " + e.Message);
            }
        }

        var encapsulated = signedData.EncapContentInfo;
        var eContent = encapsulated.Content is null ? null : Asn1OctetString.GetInstance(encapsulated.Content).GetOctets();

        var signed = signerInfo.SignedAttrs;
        byte[]? messageDigest = null;
        string? contentType = null;
        DateTimeOffset? signingTime = null;
        var references = new List<CertificateReference>();
        var crls = new List<byte[]>();
        var ocsps = new List<byte[]>();
        foreach (var crl in signedData.CRLs?.OfType<Asn1Encodable>() ?? [])
        {
            if (crl.ToAsn1Object() is Asn1Sequence)
                crls.Add(crl.GetEncoded(Asn1Encodable.Der));
        }
        if (signed is not null)
        {
            foreach (var attribute in signed.OfType<Asn1Encodable>().Select(CmsAttribute.GetInstance))
            {
                var values = attribute.AttrValues;
                if (values.Count != 1)
                {
                    problems.Add($"Signed attribute {attribute.AttrType.Id} has {values.Count} values instead of one.");
                    continue;
                }
                var value = values[0];
                if (attribute.AttrType.Equals(CmsAttributes.MessageDigest))
                    messageDigest = Asn1OctetString.GetInstance(value).GetOctets();
                else if (attribute.AttrType.Equals(CmsAttributes.ContentType))
                    contentType = DerObjectIdentifier.GetInstance(value).Id;
                else if (attribute.AttrType.Equals(CmsAttributes.SigningTime))
                    signingTime = new DateTimeOffset(DateTime.SpecifyKind(Org.BouncyCastle.Asn1.Cms.Time.GetInstance(value).ToDateTime(), DateTimeKind.Utc));
                else if (attribute.AttrType.Equals(IdSigningCertificateV2))
                {
                    foreach (var id in SigningCertificateV2.GetInstance(value).GetCerts())
                        references.Add(new(id.HashAlgorithm.Algorithm.Id, id.GetCertHash(), id.IssuerSerial));
                }
                else if (attribute.AttrType.Id == AdobeRevocationInfoArchival)
                    ReadRevocationArchival(value, crls, ocsps);
                else if (attribute.AttrType.Equals(IdSigningCertificateV1))
                {
                    foreach (var id in SigningCertificate.GetInstance(value).GetCerts())
                        references.Add(new(Algorithms.Sha1, id.GetCertHash(), id.IssuerSerial));
                }
            }
        }

        return new CmsSignedData
        {
            SignerInfoCount = signedData.SignerInfos.Count,
            SignerInfo = signerInfo,
            EncapsulatedContentType = encapsulated.ContentType.Id,
            EncapsulatedContent = eContent,
            Certificates = structures.Select(s => s.Certificate).ToList(),
            SignerCertificate = FindSigner(signerInfo.SignerID, structures),
            DigestAlgorithmOid = signerInfo.DigestAlgorithm.Algorithm.Id,
            SignatureAlgorithm = signerInfo.SignatureAlgorithm,
            SignatureValue = signerInfo.Signature.GetOctets(),
            SignedAttributesAsReceived = signed?.GetEncoded(Asn1Encodable.DL),
            SignedAttributesDer = signed?.GetEncoded(Asn1Encodable.Der),
            MessageDigest = messageDigest,
            ContentTypeAttribute = contentType,
            SigningTime = signingTime,
            SigningCertificateReferences = references,
            UnsignedAttributes = signerInfo.UnsignedAttrs,
            Problems = problems,
            EmbeddedCrls = crls,
            EmbeddedOcspResponses = ocsps,
        };
    }

    const string AdobeRevocationInfoArchival = "1.2.840.113583.1.1.8";

    /// <summary>RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse, … }.</summary>
    static void ReadRevocationArchival(Asn1Encodable value, List<byte[]> crls, List<byte[]> ocsps)
    {
        foreach (var item in Asn1Sequence.GetInstance(value).OfType<Asn1TaggedObject>())
        {
            var target = item.TagNo switch { 0 => crls, 1 => ocsps, _ => null };
            if (target is null)
                continue;
            foreach (var entry in Asn1Sequence.GetInstance(item.GetExplicitBaseObject()).OfType<Asn1Encodable>())
                target.Add(entry.GetEncoded(Asn1Encodable.Der));
        }
    }

    /// <summary>The signer among <paramref name="candidates"/> (for tokens that leave their certificate out).</summary>
    public X509Certificate2? FindSignerIn(IEnumerable<X509Certificate2> candidates) =>
        FindSigner(SignerInfo.SignerID, candidates.Select(c => (X509CertificateStructure.GetInstance(c.RawData), c)).ToList());

    static X509Certificate2? FindSigner(SignerIdentifier id, List<(X509CertificateStructure Structure, X509Certificate2 Certificate)> certificates)
    {
        if (id.IsTagged)
        {
            var keyId = id.ID is Asn1TaggedObject tagged
                ? Asn1OctetString.GetInstance(tagged, false).GetOctets()
                : Asn1OctetString.GetInstance(id.ID).GetOctets();
            return certificates.FirstOrDefault(c => SubjectKeyIdentifier(c.Certificate) is { } ski && ski.AsSpan().SequenceEqual(keyId)).Certificate;
        }
        var issuerSerial = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber.GetInstance(id.ID);
        return certificates.FirstOrDefault(c =>
            c.Structure.SerialNumber.Value.Equals(issuerSerial.SerialNumber.Value) && c.Structure.Issuer.Equivalent(issuerSerial.Issuer)).Certificate;
    }

    static byte[]? SubjectKeyIdentifier(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.ToArray();
}
