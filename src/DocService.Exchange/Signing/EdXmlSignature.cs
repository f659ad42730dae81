using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using DocService.Exchange.Reading;

namespace DocService.Exchange.Signing;

public enum EdXmlSignatureStatus
{
    /// <summary>An XML-DSig signature over the whole package verifies with the certificate it carries.</summary>
    Valid,

    /// <summary>A signature is there but does not verify, covers less than the package, or uses a weak algorithm.</summary>
    Invalid,

    /// <summary>No signature at all.</summary>
    Missing,

    /// <summary>
    /// A signature-shaped element that cannot be checked: the edXML-namespace <c>Signature</c> that
    /// deployed axes copy between packages, or one whose certificate is truncated.
    /// </summary>
    Placeholder,
}

/// <summary>
/// The outcome of checking a package signature. Inbound packages are never refused on this alone:
/// the PAdES signatures inside the attached PDFs are what bind the document.
/// </summary>
public sealed record EdXmlSignatureResult(EdXmlSignatureStatus Status, X509Certificate2? Signer, string Detail);

/// <summary>
/// The optional package signature: enveloped XML-DSig, RSA-SHA256, exclusive canonicalisation, one
/// reference with <c>URI=""</c>, placed at the end of <c>edXMLHeader</c>. The whole package is loaded
/// to sign or verify (XML-DSig needs the tree); packages are bounded by the reader's limits.
/// </summary>
public static class EdXmlSignature
{
    const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    static readonly HashSet<string> AcceptedSignatureMethods =
    [
        RsaSha256,
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    ];

    /// <summary>Signs the package read from <paramref name="input"/> with the organisation certificate.</summary>
    public static void Sign(Stream input, Stream output, X509Certificate2 certificate, EdXmlReaderOptions? options = null)
    {
        using var key = certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        var document = Load(input, options);
        var header = document.DocumentElement?.GetElementsByTagName("edXMLHeader", EdXmlNames.Namespace).OfType<XmlElement>().FirstOrDefault()
            ?? throw new EdXmlFormatException(EdXmlErrorCodes.MissingElement, "The package has no edXMLHeader to hold a signature.");

        var signed = new SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = RsaSha256;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();

        header.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false });
        document.Save(writer);
    }

    /// <summary>Checks the package signature; never throws for a missing or placeholder one.</summary>
    public static EdXmlSignatureResult Verify(Stream input, EdXmlReaderOptions? options = null)
    {
        var document = Load(input, options);
        var signatures = document.GetElementsByTagName("Signature", EdXmlNames.XmlDsigNamespace).OfType<XmlElement>().ToList();
        if (signatures.Count == 0)
        {
            var placeholder = document.GetElementsByTagName("Signature", EdXmlNames.Namespace).Count > 0
                || document.GetElementsByTagName("Signature").Count > 0;
            return placeholder
                ? new(EdXmlSignatureStatus.Placeholder, null, "A Signature element outside the XML-DSig namespace (a copied placeholder).")
                : new(EdXmlSignatureStatus.Missing, null, "The package is not signed.");
        }
        if (signatures.Count > 1)
            return new(EdXmlSignatureStatus.Invalid, null, "More than one XML-DSig signature.");
        return VerifyOne(document, signatures[0]);
    }

    static EdXmlSignatureResult VerifyOne(XmlDocument document, XmlElement element)
    {
        if (!CertificatesReadable(element))
            return new(EdXmlSignatureStatus.Placeholder, null, "The signature's certificate is truncated or unreadable (a copied placeholder).");
        var signed = new SignedXml(document);
        try
        {
            signed.LoadXml(element);
        }
        catch (CryptographicException e)
        {
            return new(EdXmlSignatureStatus.Invalid, null, "The signature element is malformed: " + e.Message);
        }

        var certificate = Certificate(signed);
        if (certificate is null)
            return new(EdXmlSignatureStatus.Placeholder, null, "The signature carries no readable certificate.");
        if (!AcceptedSignatureMethods.Contains(signed.SignatureMethod ?? ""))
            return new(EdXmlSignatureStatus.Invalid, certificate, $"Signature method {signed.SignatureMethod} is not accepted (RSA-SHA256 or stronger).");
        // A reference to anything but the whole document would let a signed fragment be wrapped.
        var references = signed.SignedInfo!.References.OfType<Reference>().ToList();
        if (references.Count != 1 || references[0].Uri != "")
            return new(EdXmlSignatureStatus.Invalid, certificate, "The signature must have one reference covering the whole package (URI=\"\").");

        try
        {
            return signed.CheckSignature(certificate, verifySignatureOnly: true)
                ? new(EdXmlSignatureStatus.Valid, certificate, $"Signed by {certificate.Subject}.")
                : new(EdXmlSignatureStatus.Invalid, certificate, "The signature does not match the package: it was changed after signing.");
        }
        catch (CryptographicException e)
        {
            return new(EdXmlSignatureStatus.Invalid, certificate, "The signature cannot be checked: " + e.Message);
        }
    }

    static bool CertificatesReadable(XmlElement signature)
    {
        foreach (var element in signature.GetElementsByTagName("X509Certificate", EdXmlNames.XmlDsigNamespace).OfType<XmlElement>())
        {
            try
            {
                using var _ = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(element.InnerText.Trim()));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                return false;
            }
        }
        return true;
    }

    static X509Certificate2? Certificate(SignedXml signed)
    {
        try
        {
            return signed.KeyInfo?.OfType<KeyInfoX509Data>()
                .SelectMany(d => d.Certificates?.OfType<X509Certificate>() ?? [])
                .Select(c => X509CertificateLoader.LoadCertificate(c.GetRawCertData()))
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    static XmlDocument Load(Stream input, EdXmlReaderOptions? options)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = EdXmlReader.Create(input, options ?? EdXmlReaderOptions.Default);
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw new EdXmlFormatException(
                e.Message.Contains("DTD", StringComparison.Ordinal) ? EdXmlErrorCodes.DtdProhibited : EdXmlErrorCodes.Malformed,
                "The package is not well-formed XML: " + e.Message, e.LineNumber, e.LinePosition, e);
        }
        return document;
    }
}
