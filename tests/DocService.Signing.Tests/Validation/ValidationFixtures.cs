using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;

namespace DocService.Signing.Tests.Validation;

/// <summary>Signed PDFs made here with the development PKI, and changes made to them, for validation tests.</summary>
internal static class ValidationFixtures
{
    public static ValidationOptions DevOptions(DateTimeOffset? at = null) => new()
    {
        TrustAnchors = [DevPki.Certificate("root")],
        ValidationTime = at,
    };

    public static Task<byte[]> SignedAsync(string key = "official-rsa2048", DateTimeOffset? signingTime = null, byte[]? input = null,
        string field = "Signature1", DocMdpPermission? certify = null) =>
        SignedPdf.SignAsync(input ?? TestPdfs.Simple(), SignedPdf.NewField(field, certify) with { SigningTime = signingTime ?? DateTimeOffset.UtcNow }, key);

    public static async Task<DocumentValidationReport> ValidateAsync(byte[] pdf, ValidationOptions? options = null)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        return await new PdfSignatureValidator(options ?? DevOptions()).ValidateAsync(stream, TestContext.Current.CancellationToken);
    }

    /// <summary>Where the (last) signature's /Contents hex string lies: [start, end) including the angle brackets.</summary>
    public static (int Start, int End) ContentsGap(byte[] pdf, string field = "Signature1")
    {
        var document = PdfDocument.Open(new MemoryStream(pdf));
        var signature = (PdfDictionary)document.Fields.Single(f => f.FullName == field).Value!;
        var range = ((PdfArray)signature["ByteRange"]!).Select(v => (int)((PdfInteger)v).Value).ToArray();
        return (range[1], range[2]);
    }

    public static byte[] ReadCms(byte[] pdf, string field = "Signature1")
    {
        var (start, end) = ContentsGap(pdf, field);
        return Convert.FromHexString(Encoding.ASCII.GetString(pdf, start + 1, end - start - 2));
    }

    /// <summary>Replaces the CMS in the gap (the gap is not signed, so the signature stays intact).</summary>
    public static byte[] WriteCms(byte[] pdf, byte[] cms, string field = "Signature1")
    {
        var (start, end) = ContentsGap(pdf, field);
        var hex = Convert.ToHexString(cms);
        if (hex.Length > end - start - 2)
            throw new InvalidOperationException("The new CMS does not fit the reserved /Contents.");
        var copy = (byte[])pdf.Clone();
        var padded = hex.PadRight(end - start - 2, '0');
        Encoding.ASCII.GetBytes(padded).CopyTo(copy, start + 1);
        return copy;
    }

    /// <summary>
    /// Adds an RFC 3161 signature timestamp from the development TSA, stamped at <paramref name="time"/>,
    /// as the unsigned attribute id-aa-signatureTimeStampToken of the first SignerInfo.
    /// </summary>
    public static byte[] AddSignatureTimestamp(byte[] pdf, DateTimeOffset time, string field = "Signature1")
    {
        var contentInfo = ContentInfo.GetInstance(Asn1Object.FromByteArray(Trim(ReadCms(pdf, field))));
        var signedData = SignedData.GetInstance(contentInfo.Content);
        var signerInfo = SignerInfo.GetInstance(signedData.SignerInfos[0]);
        var token = Timestamp(SHA256.HashData(signerInfo.Signature.GetOctets()), time);
        var attribute = new CmsAttribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(token.ToCmsSignedData().ContentInfo));
        var stamped = new SignerInfo(signerInfo.SignerID, signerInfo.DigestAlgorithm, signerInfo.SignedAttrs, signerInfo.SignatureAlgorithm,
            signerInfo.Signature, new DerSet(attribute));
        var newSignedData = new SignedData(signedData.DigestAlgorithms, signedData.EncapContentInfo, signedData.Certificates, signedData.CRLs, new DerSet(stamped));
        return WriteCms(pdf, new ContentInfo(CmsObjectIdentifiers.SignedData, newSignedData).GetEncoded(Asn1Encodable.Der), field);
    }

    static byte[] Trim(byte[] padded)
    {
        using var input = new Asn1InputStream(padded);
        return input.ReadObject().GetEncoded(Asn1Encodable.Der);
    }

    static TimeStampToken Timestamp(byte[] imprint, DateTimeOffset time)
    {
        using var tsa = X509CertificateLoader.LoadPkcs12(DevPki.Pkcs12("tsa"), DevPki.Password, X509KeyStorageFlags.Exportable);
        using var rsa = tsa.GetRSAPrivateKey()!;
        var key = DotNetUtilities.GetRsaKeyPair(rsa).Private;
        var tsaCertificate = new BcCertificate(tsa.RawData);
        var issuer = new BcCertificate(DevPki.Certificate("issuing-ca").RawData);
        var generator = new TimeStampTokenGenerator(key, tsaCertificate, TspAlgorithms.Sha256, "1.3.6.1.4.1.99999.1");
        generator.SetCertificates(CollectionUtilities.CreateStore(new[] { tsaCertificate, issuer }));
        var requests = new TimeStampRequestGenerator();
        requests.SetCertReq(true);
        var request = requests.Generate(TspAlgorithms.Sha256, imprint, BigInteger.ValueOf(Random.Shared.Next()));
        return generator.Generate(request, BigInteger.ValueOf(Random.Shared.Next()), time.UtcDateTime);
    }
}
