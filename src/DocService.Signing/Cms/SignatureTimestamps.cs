using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using DocService.Signing.Timestamps;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace DocService.Signing.Cms;

/// <summary>
/// The signature timestamp of PAdES B-T (EN 319 122-1 §5.3): an RFC 3161 token over the
/// signature value, kept as the unsigned attribute id-aa-signatureTimeStampToken of the
/// SignerInfo. Unsigned attributes are outside what the signer signed, so adding one after the
/// signature value exists leaves the signature intact; only the CMS grows.
/// </summary>
public static class SignatureTimestamps
{
    /// <summary>The first SignerInfo's signature value: the bytes a signature timestamp stamps.</summary>
    public static byte[] SignatureValueOf(ReadOnlySpan<byte> cms) => FirstSignerInfo(SignedDataOf(cms)).Signature.GetOctets();

    /// <summary>Asks <paramref name="tsa"/> for a token over the signature value and adds it.</summary>
    public static async Task<byte[]> AddAsync(byte[] cms, ITimestampClient tsa, DigestAlgorithm algorithm, CancellationToken ct)
    {
        var token = await tsa.StampAsync(algorithm.Hash(SignatureValueOf(cms)), algorithm, ct).ConfigureAwait(false);
        return AddUnsignedAttribute(cms, new CmsAttribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken,
            new DerSet(ContentInfo.GetInstance(Asn1Object.FromByteArray(token)))));
    }

    /// <summary>Adds an unsigned attribute to the first SignerInfo, keeping those it has; the result is DER.</summary>
    public static byte[] AddUnsignedAttribute(ReadOnlySpan<byte> cms, CmsAttribute attribute)
    {
        var signedData = SignedDataOf(cms);
        var signerInfo = FirstSignerInfo(signedData);
        var unsigned = new Asn1EncodableVector();
        foreach (var existing in signerInfo.UnsignedAttrs?.OfType<Asn1Encodable>() ?? [])
            unsigned.Add(existing);
        unsigned.Add(attribute);
        var stamped = new SignerInfo(signerInfo.SignerID, signerInfo.DigestAlgorithm, signerInfo.SignedAttrs,
            signerInfo.SignatureAlgorithm, signerInfo.Signature, new DerSet(unsigned));
        var signerInfos = new Asn1EncodableVector { stamped };
        foreach (var other in signedData.SignerInfos.OfType<Asn1Encodable>().Skip(1))
            signerInfos.Add(other);
        var result = new SignedData(signedData.DigestAlgorithms, signedData.EncapContentInfo, signedData.Certificates,
            signedData.CRLs, new DerSet(signerInfos));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, result).GetEncoded(Asn1Encodable.Der);
    }

    static SignedData SignedDataOf(ReadOnlySpan<byte> cms)
    {
        // /Contents is zero-padded: read the one object at the start and ignore the rest.
        using var input = new Asn1InputStream(cms.ToArray());
        var contentInfo = ContentInfo.GetInstance(input.ReadObject());
        if (!contentInfo.ContentType.Equals(CmsObjectIdentifiers.SignedData))
            throw new ArgumentException($"The CMS content type is {contentInfo.ContentType.Id}, not signedData.", nameof(cms));
        return SignedData.GetInstance(contentInfo.Content);
    }

    static SignerInfo FirstSignerInfo(SignedData signedData) =>
        signedData.SignerInfos.Count > 0 ? SignerInfo.GetInstance(signedData.SignerInfos[0])
            : throw new ArgumentException("The CMS has no SignerInfo.");
}
