using System.Security.Cryptography;
using DocService.Signing.Cms;
using DocService.Signing.Tests.Support;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;

namespace DocService.Signing.Tests.Cms;

/// <summary>Reads our CMS back field by field, where openssl would not tell a wrong choice from a right one.</summary>
public sealed class CmsStructureTests
{
    readonly CmsSignatureBuilder _builder = new();

    [Fact]
    public async Task The_signed_data_is_version_1_detached_with_the_signer_and_the_issuing_ca()
    {
        var signer = DevPki.Signer("official-rsa2048");
        var signedData = Parse(await _builder.SignAsync(SHA256.HashData("x"u8), signer, ct: TestContext.Current.CancellationToken));

        signedData.Version.IntValueExact.ShouldBe(1);
        signedData.EncapContentInfo.ContentType.ShouldBe(CmsObjectIdentifiers.Data);
        signedData.EncapContentInfo.Content.ShouldBeNull();
        signedData.DigestAlgorithms.Count.ShouldBe(1);
        AlgorithmIdentifier.GetInstance(signedData.DigestAlgorithms[0]).Algorithm.Id.ShouldBe(DigestAlgorithm.Sha256.Oid());
        signedData.Certificates.Count.ShouldBe(2);
        signedData.CRLs.ShouldBeNull();

        var subjects = signedData.Certificates.Cast<Asn1Encodable>()
            .Select(c => X509CertificateStructure.GetInstance(c).Subject.ToString()).ToList();
        subjects.ShouldContain(s => s.Contains("Issuing CA"));
        subjects.ShouldNotContain(s => s.Contains("Root CA"));
    }

    [Fact]
    public async Task The_signer_info_identifies_the_signer_by_issuer_and_serial_number()
    {
        var signer = DevPki.Signer("official-ecdsa-p256");
        var info = SignerInfoOf(await _builder.SignAsync(SHA256.HashData("x"u8), signer, ct: TestContext.Current.CancellationToken));
        var certificate = X509CertificateStructure.GetInstance(signer.Certificate.RawData);

        info.Version.IntValueExact.ShouldBe(1);
        var sid = IssuerAndSerialNumber.GetInstance(info.SignerID.ID);
        sid.Issuer.Equivalent(certificate.Issuer).ShouldBeTrue();
        sid.SerialNumber.ShouldBe(certificate.SerialNumber);
        info.SignatureAlgorithm.Algorithm.Id.ShouldBe("1.2.840.10045.4.3.2");
        info.SignatureAlgorithm.Parameters.ShouldBeNull();
        info.UnsignedAttrs.ShouldBeNull();
    }

    [Fact]
    public async Task Signing_certificate_v2_holds_the_sha256_of_the_signer_certificate_and_its_issuer_serial()
    {
        var signer = DevPki.Signer("official-rsa2048");
        var info = SignerInfoOf(await _builder.SignAsync(SHA256.HashData("x"u8), signer, ct: TestContext.Current.CancellationToken));
        var certificate = X509CertificateStructure.GetInstance(signer.Certificate.RawData);

        var attribute = new AttributeTable(info.SignedAttrs)[PkcsObjectIdentifiers.IdAASigningCertificateV2];
        var essCertId = SigningCertificateV2.GetInstance(attribute.AttrValues[0]).GetCerts().Single();

        essCertId.HashAlgorithm.Algorithm.Id.ShouldBe(DigestAlgorithm.Sha256.Oid());
        essCertId.GetCertHash().ShouldBe(SHA256.HashData(signer.Certificate.RawData));
        var issuer = essCertId.IssuerSerial.Issuer.GetNames().Single();
        issuer.TagNo.ShouldBe(GeneralName.DirectoryName);
        X509Name.GetInstance(issuer.Name).Equivalent(certificate.Issuer).ShouldBeTrue();
        essCertId.IssuerSerial.Serial.ShouldBe(certificate.SerialNumber);
    }

    [Fact]
    public async Task The_message_digest_attribute_is_the_content_digest()
    {
        var digest = SHA512.HashData("the content"u8);
        var info = SignerInfoOf(await _builder.SignAsync(digest, DevPki.Signer("official-rsa2048"), DigestAlgorithm.Sha512, ct: TestContext.Current.CancellationToken));

        var attributes = new AttributeTable(info.SignedAttrs);
        Asn1OctetString.GetInstance(attributes[CmsAttributes.MessageDigest].AttrValues[0]).GetOctets().ShouldBe(digest);
        attributes[CmsAttributes.ContentType].AttrValues[0].ShouldBe(CmsObjectIdentifiers.Data);
        info.DigestAlgorithm.Algorithm.Id.ShouldBe(DigestAlgorithm.Sha512.Oid());
        info.SignatureAlgorithm.Algorithm.Id.ShouldBe("1.2.840.113549.1.1.13");
        info.SignatureAlgorithm.Parameters.ShouldBe(DerNull.Instance);
    }

    static SignedData Parse(byte[] cms)
    {
        var contentInfo = ContentInfo.GetInstance(Asn1Object.FromByteArray(cms));
        contentInfo.ContentType.ShouldBe(CmsObjectIdentifiers.SignedData);
        return SignedData.GetInstance(contentInfo.Content);
    }

    static SignerInfo SignerInfoOf(byte[] cms)
    {
        var infos = Parse(cms).SignerInfos;
        infos.Count.ShouldBe(1);
        return SignerInfo.GetInstance(infos[0]);
    }
}
