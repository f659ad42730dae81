using System.Security.Cryptography;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Trust;


namespace DocService.Signing.Validation.Checks;

/// <summary>The signer's identity and chain at the best signature time, with the chain outcome the revocation check continues from.</summary>
internal sealed record TrustCheckResult(TrustResult Result, ChainOutcome? Chain);

/// <summary>
/// Who signed: the chain from the signer's certificate to a configured anchor at the best signature
/// time, key usage, and the ESS signing-certificate(-v2) attribute binding that certificate.
/// </summary>
internal static class TrustCheck
{
    public static TrustCheckResult Run(SignatureEvidence evidence, DateTimeOffset bestTime)
    {
        var cms = evidence.Cms;
        var signer = cms?.SignerCertificate;
        var options = evidence.Options;
        var extra = (cms?.Certificates ?? []).Concat(evidence.DssCertificates).Concat(options.Intermediates);
        var chain = signer is null ? null
            : ChainBuilder.Build(signer, extra, options.TrustAnchors, bestTime,
                evidence.Kind == SignatureKind.DocumentTimestamp ? CertificatePurpose.Timestamping : CertificatePurpose.Signing);
        // PAdES baseline (ETSI.CAdES.detached) requires signing-certificate-v2; ISO 32000's
        // adbe.pkcs7.* profiles do not, but when the attribute is there it must match.
        var attributeMatches = evidence.Kind == SignatureKind.DocumentTimestamp || SigningCertificateAttributeMatches(cms)
            || evidence.Signature.SubFilter != "ETSI.CAdES.detached" && cms is { SigningCertificateReferences.Count: 0 };
        var reasons = new List<string>(chain?.Reasons ?? ["The signing certificate is not known."]);
        if (!attributeMatches && cms is not null)
            reasons.Add(cms.SigningCertificateReferences.Count == 0
                ? "The CMS has no signing-certificate(-v2) attribute binding the signer's certificate."
                : "The signing-certificate(-v2) attribute does not match the signer's certificate.");
        // Without a path to an anchor the chain is empty, but the reader still needs to see whose certificate it is.
        IEnumerable<System.Security.Cryptography.X509Certificates.X509Certificate2> shown = chain is { Elements.Count: > 0 } ? chain.Elements : signer is null ? [] : [signer];
        return new(new TrustResult(chain?.Status ?? TrustStatus.NoSigningCertificate,
            shown.Select(ChainBuilder.Summary).ToList(),
            chain?.KeyUsageValid ?? false, chain?.TimeValid ?? false, attributeMatches, reasons), chain);
    }

    public static bool SigningCertificateAttributeMatches(CmsSignedData? cms)
    {
        if (cms?.SignerCertificate is not { } signer || cms.SigningCertificateReferences.Count == 0)
            return false;
        var reference = cms.SigningCertificateReferences[0];
        var hash = Algorithms.Hash(reference.HashOid, signer.RawData);
        return hash is not null && CryptographicOperations.FixedTimeEquals(hash, reference.Hash);
    }

    public static CheckOutcome Judge(TrustResult r)
    {
        var signer = r.Chain.FirstOrDefault();
        var who = signer is null ? ("", "")
            : ($"Chứng thư số của {signer.Subject}, do {signer.Issuer} cấp, số hiệu {signer.SerialNumber}, hiệu lực từ {Wording.Date(signer.NotBefore)} đến {Wording.Date(signer.NotAfter)}",
                $"The certificate of {signer.Subject}, issued by {signer.Issuer}, serial {signer.SerialNumber}, valid {Wording.IsoDate(signer.NotBefore)} to {Wording.IsoDate(signer.NotAfter)}");
        return r.Status switch
        {
            _ when !r.SigningCertificateAttributeMatches => new(CheckName.Trust, CheckStatus.Indeterminate, new(
                "Chữ ký thiếu thuộc tính signing-certificate gắn chứng thư số của người ký, hoặc thuộc tính này không khớp.",
                "The signature lacks a signing-certificate attribute binding the signer's certificate, or it does not match.")),
            TrustStatus.Trusted => new(CheckName.Trust, CheckStatus.Passed, new(
                $"{who.Item1}; chuỗi chứng thư tới chứng thư gốc tin cậy ({r.Chain.Count} chứng thư) hợp lệ tại thời điểm ký.",
                $"{who.Item2}; the chain to a trusted root ({r.Chain.Count} certificates) is valid at the signing time.")),
            TrustStatus.NoSigningCertificate => new(CheckName.Trust, CheckStatus.Indeterminate, new(
                "Không tìm thấy chứng thư số của người ký.", "The signer's certificate was not found.")),
            TrustStatus.NoChainToTrustAnchor => new(CheckName.Trust, CheckStatus.Indeterminate, new(
                $"{who.Item1}; không chuỗi được tới một chứng thư gốc tin cậy.",
                $"{who.Item2}; it does not chain to a trusted root.")),
            _ => new(CheckName.Trust, CheckStatus.Indeterminate, new(
                $"{who.Item1}; chuỗi chứng thư không hợp lệ tại thời điểm ký (hết hạn, chưa có hiệu lực hoặc mục đích sử dụng khóa không cho phép).",
                $"{who.Item2}; the chain is not valid at the signing time: {Wording.Detail(r.Reasons)}")),
        };
    }
}
