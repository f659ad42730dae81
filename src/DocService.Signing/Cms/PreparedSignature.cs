using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace DocService.Signing.Cms;

/// <summary>
/// Step one of three (EU DSS: getDataToSign): the signed attributes are fixed, and
/// <see cref="DigestToSign"/> is what a key signs — here, or on an official's own token.
/// Preparing again with the same inputs and the same signing time yields the same bytes, so a
/// session only has to keep those inputs.
/// </summary>
public sealed class PreparedSignature
{
    internal PreparedSignature(
        X509Certificate2 signerCertificate,
        X509CertificateStructure signerStructure,
        IReadOnlyList<X509Certificate2> chain,
        DigestAlgorithm digestAlgorithm,
        SignatureAlgorithm signatureAlgorithm,
        byte[] contentDigest,
        DateTimeOffset? signingTime,
        bool pades,
        Asn1Set signedAttributes,
        byte[] dataToSign)
    {
        SignerCertificate = signerCertificate;
        SignerStructure = signerStructure;
        Chain = chain;
        DigestAlgorithm = digestAlgorithm;
        SignatureAlgorithm = signatureAlgorithm;
        ContentDigest = contentDigest;
        SigningTime = signingTime;
        Pades = pades;
        SignedAttributes = signedAttributes;
        DataToSign = dataToSign;
        DigestToSign = digestAlgorithm.Hash(dataToSign);
    }

    public X509Certificate2 SignerCertificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public DigestAlgorithm DigestAlgorithm { get; }

    public SignatureAlgorithm SignatureAlgorithm { get; }

    /// <summary>The digest of the signed content (for PDF: of the ByteRange), the message-digest attribute.</summary>
    public ReadOnlyMemory<byte> ContentDigest { get; }

    /// <summary>The signing-time attribute's value (whole seconds, UTC), or null when it is left out.</summary>
    public DateTimeOffset? SigningTime { get; }

    public bool Pades { get; }

    /// <summary>The PDF SubFilter this CMS is meant for (without the leading slash).</summary>
    public string SubFilter => Pades ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached";

    /// <summary>DER of the signed attributes as a SET (tag 0x31): the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> DataToSign { get; }

    /// <summary>The <see cref="DigestAlgorithm"/> hash of <see cref="DataToSign"/>: what a signer signs.</summary>
    public ReadOnlyMemory<byte> DigestToSign { get; }

    internal X509CertificateStructure SignerStructure { get; }

    internal Asn1Set SignedAttributes { get; }
}
