using DocService.Signing.Validation.Cms;

namespace DocService.Signing.Cms;

/// <summary>
/// A complete CMS made elsewhere (an official's desktop signing tool) for a signature this service
/// prepared. It is accepted only as a carrier of the signature value: its signer must be the
/// prepared certificate and its signed attributes exactly the prepared ones, byte for byte.
/// </summary>
public static class ExternalCms
{
    /// <summary>The signature value inside <paramref name="cms"/>, to hand to <see cref="CmsSignatureBuilder.Assemble"/>.</summary>
    /// <exception cref="ExternalCmsMismatchException">Not CMS, another signer, or other signed attributes.</exception>
    public static byte[] SignatureValueFor(PreparedSignature prepared, ReadOnlySpan<byte> cms)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        CmsSignedData parsed;
        try
        {
            parsed = CmsSignedData.Parse(cms);
        }
        catch (CmsFormatException e)
        {
            throw new ExternalCmsMismatchException("cms_invalid", e.Message);
        }
        if (parsed.SignerInfoCount != 1)
            throw new ExternalCmsMismatchException("cms_invalid", $"The CMS has {parsed.SignerInfoCount} signers; one is expected.");

        var signer = parsed.SignerCertificate ?? parsed.FindSignerIn([prepared.SignerCertificate]);
        if (signer is null || !signer.RawDataMemory.Span.SequenceEqual(prepared.SignerCertificate.RawDataMemory.Span))
            throw new ExternalCmsMismatchException("certificate_mismatch",
                $"The CMS is not signed by the session's certificate ({prepared.SignerCertificate.Subject}).");
        if (parsed.SignedAttributesAsReceived is not { } attributes || !attributes.AsSpan().SequenceEqual(prepared.DataToSign.Span))
            throw new ExternalCmsMismatchException("attributes_mismatch",
                "The CMS's signed attributes are not exactly the dataToSign the session prepared.");
        return parsed.SignatureValue;
    }
}

/// <summary>A complete CMS does not belong to the prepared signature; <see cref="Reason"/> says how.</summary>
public sealed class ExternalCmsMismatchException(string reason, string message) : SigningException(message)
{
    /// <summary><c>cms_invalid</c>, <c>certificate_mismatch</c> or <c>attributes_mismatch</c>.</summary>
    public string Reason { get; } = reason;
}
