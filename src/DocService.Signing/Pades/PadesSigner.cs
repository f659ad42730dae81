using DocService.Signing.Cms;
using DocService.Signing.Ltv;
using DocService.Signing.Timestamps;

namespace DocService.Signing.Pades;

/// <summary>
/// Signs a PDF in one call with a key the service can reach (PKCS#12, PKCS#11): the document is
/// prepared with its placeholders, the CMS is built over the digest of the signed bytes and
/// embedded. The input's bytes stay the output's prefix, so every earlier signature stays valid.
/// Above B-B the signature value is timestamped before embedding (B-T), and the signed file is
/// then extended (B-LT, B-LTA) by <see cref="LevelExtender"/>.
/// </summary>
public sealed class PadesSigner(CmsSignatureBuilder cms, ITimestampClient? timestamps = null, LevelExtender? extender = null)
{
    public async Task<PreparedPdfSignature> SignAsync(Stream input, Stream output, ISigner signer, PadesSignatureOptions options, CancellationToken ct)
    {
        if (options.Level >= PadesLevel.BT && timestamps is null || options.Level >= PadesLevel.BLT && extender is null)
            throw new SignatureNotPermittedException("signature.level_unavailable",
                $"Level {options.Level} needs a timestamping authority{(options.Level >= PadesLevel.BLT ? " and revocation sources" : "")}, which are not configured.");
        if (options.Level >= PadesLevel.BT)
            options = options with { ReservedContentsBytes = Math.Max(options.ReservedContentsBytes, PadesSignatureOptions.TimestampedContentsBytes) };

        await using var scratch = options.Level >= PadesLevel.BLT ? TemporaryFile.Create() : null;
        var signed = scratch ?? output;
        var prepared = PdfSignaturePreparer.Prepare(input, signed, options);
        var signedAttributes = cms.Prepare(prepared.Digest, signer.Certificate, signer.Chain, options.DigestAlgorithm, signer.SignatureAlgorithm, CmsOptions(options));
        var value = await signer.SignAsync(signedAttributes.DigestToSign, options.DigestAlgorithm, ct);
        var assembled = cms.Assemble(signedAttributes, value);
        if (options.Level >= PadesLevel.BT)
            assembled = await SignatureTimestamps.AddAsync(assembled, timestamps!, options.DigestAlgorithm, ct);
        PdfSignaturePreparer.Embed(signed, prepared, assembled);

        if (scratch is not null)
        {
            scratch.Position = 0;
            await extender!.ExtendAsync(scratch, output, options.Level, ct);
        }
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
