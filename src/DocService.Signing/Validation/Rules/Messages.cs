namespace DocService.Signing.Validation.Rules;

/// <summary>The plain-language bottom line, in Vietnamese and English: the indication in words, then the reason that decided it.</summary>
internal static class Messages
{
    public static LocalizedMessage ForSignature(Indication indication, string subject, LocalizedMessage reason) => indication switch
    {
        Indication.TotalPassed => new(
            $"Chữ ký {subject} hợp lệ: tài liệu không bị thay đổi sau khi ký, chứng thư số được tin cậy và chưa bị thu hồi.",
            $"The signature {subject} is valid: the document is unchanged since signing, the certificate is trusted and not revoked."),
        Indication.TotalFailed => new($"Chữ ký {subject} không hợp lệ. {reason.Vi}", $"The signature {subject} is invalid. {reason.En}"),
        _ => new($"Chưa xác định được hiệu lực của chữ ký {subject}. {reason.Vi}", $"The signature {subject} is indeterminate. {reason.En}"),
    };

    public static LocalizedMessage ForDocument(Indication indication, int signatures) => (indication, signatures) switch
    {
        (_, 0) => new("Tài liệu không có chữ ký số.", "The document has no digital signature."),
        (Indication.TotalPassed, 1) => new("Chữ ký duy nhất trong tài liệu hợp lệ.", "The document's one signature is valid."),
        (Indication.TotalPassed, _) => new($"Tất cả {signatures} chữ ký trong tài liệu đều hợp lệ.", $"All {signatures} signatures in the document are valid."),
        (Indication.TotalFailed, _) => new("Tài liệu có chữ ký không hợp lệ.", "The document has an invalid signature."),
        _ => new("Chưa xác định được hiệu lực của mọi chữ ký trong tài liệu.", "Not every signature in the document could be confirmed valid."),
    };
}
