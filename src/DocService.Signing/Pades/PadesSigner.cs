using DocService.Signing.Cms;

namespace DocService.Signing.Pades;

/// <summary>
/// Signs a PDF in one call with a key the service can reach (PKCS#12, PKCS#11): the document is
/// prepared with its placeholders, the CMS is built over the digest of the signed bytes and
/// embedded. The input's bytes stay the output's prefix, so every earlier signature stays valid.
/// </summary>
public sealed class PadesSigner(CmsSignatureBuilder cms)
{
    public async Task<PreparedPdfSignature> SignAsync(Stream input, Stream output, ISigner signer, PadesSignatureOptions options, CancellationToken ct)
    {
        var prepared = PdfSignaturePreparer.Prepare(input, output, options);
        var signedAttributes = cms.Prepare(prepared.Digest, signer.Certificate, signer.Chain, options.DigestAlgorithm, signer.SignatureAlgorithm, CmsOptions(options));
        var value = await signer.SignAsync(signedAttributes.DigestToSign, options.DigestAlgorithm, ct);
        PdfSignaturePreparer.Embed(output, prepared, cms.Assemble(signedAttributes, value));
        return prepared;
    }

    /// <summary>
    /// PAdES baseline (EN 319 142-1 §6.3) forbids the signing-time attribute: the claimed time is the
    /// signature dictionary's /M. The older adbe.pkcs7.detached profile keeps it, as readers expect.
    /// </summary>
    public static CmsSignatureOptions CmsOptions(PadesSignatureOptions options) => new()
    {
        Pades = options.SubFilter == PadesSubFilter.EtsiCadesDetached,
        IncludeSigningTime = options.SubFilter == PadesSubFilter.AdobePkcs7Detached,
        SigningTime = options.SigningTime,
    };
}
