using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;


namespace DocService.Signing.Validation.Checks;

/// <summary>
/// Whether the signed bytes are what the signer signed: the digest, the signature value, and the
/// algorithm rules (computed for every signature up front by <see cref="CmsIntegrityCheck"/>,
/// since document timestamps are evidence for the others); this check judges and words it.
/// </summary>
internal static class IntegrityCheck
{
    /// <summary>The integrity verdict, with the algorithms judged at the best signature time (ETSI TS 119 312 dates).</summary>
    public static IntegrityResult Run(SignatureEvidence evidence, TimestampsResult timestamps)
    {
        var result = evidence.Integrity.Result;
        if (evidence.Cms is not { } cms)
            return result;
        var (acceptable, warnings) = AlgorithmPolicy.Judge(AlgorithmPolicy.Deprecations(cms.DigestAlgorithmOid, cms.SignerCertificate),
            timestamps.BestSignatureTime, timestamps.BestSignatureTimeSource != BestTimeSource.ValidationTime);
        return result with { AlgorithmsAcceptable = acceptable, Warnings = [.. result.Warnings, .. warnings] };
    }

    public static CheckOutcome Judge(IntegrityResult r, CmsIntegrity integrity)
    {
        var algorithms = $"{r.DigestAlgorithm ?? "?"}, {r.SignatureAlgorithm ?? "?"}";
        var detail = Wording.Detail(r.Reasons);
        if (integrity.UnsupportedLegacyFormat is { } legacy)
            return new(CheckName.Integrity, CheckStatus.Indeterminate, new(
                $"Định dạng chữ ký cũ {legacy} không được hỗ trợ: chưa kiểm tra được tính toàn vẹn.",
                $"Legacy subfilter {legacy}, not supported: integrity was not checked."));
        if (r.Valid)
            return r.AlgorithmsAcceptable && r.Warnings.Count == 0
                ? new(CheckName.Integrity, CheckStatus.Passed, new(
                    $"Nội dung đã ký còn nguyên vẹn; giá trị chữ ký đúng với khóa của người ký ({algorithms}).",
                    $"The signed content is intact and the signature value verifies with the signer's key ({algorithms})."))
                : new(CheckName.Integrity, CheckStatus.Warning, new(
                    $"Nội dung đã ký còn nguyên vẹn ({algorithms}), nhưng có lưu ý về thuật toán hoặc cấu trúc: {Wording.Detail(r.Warnings)}",
                    $"The signed content is intact ({algorithms}), with a note: {Wording.Detail(r.Warnings)}"));
        if (!r.AlgorithmPairAllowed)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                $"Cặp thuật toán không được phép: {r.SignatureAlgorithm} phải dùng cùng {RequiredDigest(r.SignatureAlgorithm)} (RFC 8419), ở đây là {r.DigestAlgorithm}.",
                $"Algorithm pair not allowed: {r.SignatureAlgorithm} must be used with {RequiredDigest(r.SignatureAlgorithm)} (RFC 8419), here {r.DigestAlgorithm}."));
        if (!r.ByteRangeValid)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                "Vùng dữ liệu được ký (ByteRange) hoặc từ điển chữ ký không hợp lệ, nên không thể khẳng định nội dung đã ký.",
                "The signed byte range or the signature dictionary is malformed, so what was signed cannot be established. " + detail));
        if (integrity.Cms is null)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                "Không đọc được dữ liệu chữ ký (CMS) trong /Contents.",
                "The signature data (CMS) in /Contents cannot be read. " + detail));
        if (!r.DigestMatches)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                "Nội dung đã ký đã bị thay đổi: giá trị băm không khớp.",
                "The signed content was altered: the digest does not match. " + detail));
        if (!r.AlgorithmsConsistent)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                $"Thuật toán chữ ký {r.SignatureAlgorithm} không khớp thuật toán băm {r.DigestAlgorithm}.",
                $"The signature algorithm {r.SignatureAlgorithm} does not match the digest algorithm {r.DigestAlgorithm}. " + detail));
        if (!r.SignatureVerifies)
            return new(CheckName.Integrity, CheckStatus.Failed, new(
                "Giá trị chữ ký không khớp với khóa công khai của người ký.",
                "The signature value does not verify with the signer's public key. " + detail));
        return new(CheckName.Integrity, CheckStatus.Failed, new(
            "Cấu trúc chữ ký không đúng chuẩn nên chữ ký không được chấp nhận.",
            "The signature's structure is not acceptable. " + detail));
    }

    static string RequiredDigest(string? signatureAlgorithm) => signatureAlgorithm == "Ed448" ? "SHAKE256" : "SHA-512";
}
