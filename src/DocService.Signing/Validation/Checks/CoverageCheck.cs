using DocService.Signing.Validation.Pdf;


namespace DocService.Signing.Validation.Checks;

/// <summary>What the signature's /ByteRange covers: the whole file, exactly an earlier revision, or something not sane.</summary>
internal static class CoverageCheck
{
    public static CoverageResult Run(SignatureEvidence evidence) => Result(evidence.Signature, evidence.ByteRange);

    public static CoverageResult Result(EmbeddedSignature signature, ByteRangeResult byteRange) =>
        new(byteRange.Valid, signature.ByteRange, byteRange.Coverage, byteRange.CoveredRevision, byteRange.Problems);

    public static CheckOutcome Judge(CoverageResult r, int revisions) => r switch
    {
        { ByteRangeValid: true, Coverage: Coverage.EntireFile } => new(CheckName.Coverage, CheckStatus.Passed, new(
            "Chữ ký bao trùm toàn bộ tệp.", "The signature covers the whole file.")),
        { ByteRangeValid: true, CoveredRevision: { } n } => new(CheckName.Coverage, CheckStatus.Passed, new(
            $"Chữ ký bao trùm phiên bản {n} trên {revisions} của tệp; các phiên bản sau được xét ở phần thay đổi sau khi ký.",
            $"The signature covers revision {n} of {revisions}; the later revisions are judged under modifications.")),
        _ => new(CheckName.Coverage, CheckStatus.Failed, new(
            "Vùng dữ liệu được ký (ByteRange) không hợp lệ: không xác định được chữ ký bao trùm phần nào của tệp.",
            "The signed byte range is not sane, so what the signature covers is unclear: " + Wording.Detail(r.Problems))),
    };
}
