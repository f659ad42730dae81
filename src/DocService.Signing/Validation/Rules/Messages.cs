namespace DocService.Signing.Validation.Rules;

/// <summary>The plain-language bottom line, in Vietnamese and English, for each indication.</summary>
internal static class Messages
{
    public static LocalizedMessage ForSignature(Indication indication, SubIndication? sub, string subject) => (indication, sub) switch
    {
        (Indication.TotalPassed, _) => new(
            $"Chữ ký {subject} hợp lệ: tài liệu không bị thay đổi sau khi ký, chứng thư số được tin cậy và chưa bị thu hồi.",
            $"The signature {subject} is valid: the document is unchanged since signing, the certificate is trusted and not revoked."),
        (_, SubIndication.FormatFailure) => new(
            $"Chữ ký {subject} không hợp lệ: cấu trúc chữ ký hoặc tài liệu không đúng, hoặc tài liệu đã bị thay đổi theo cách không được phép.",
            $"The signature {subject} is invalid: the signature or document structure is wrong, or the document was changed in a way that is not permitted."),
        (_, SubIndication.HashFailure) => new(
            $"Chữ ký {subject} không hợp lệ: nội dung đã ký bị thay đổi (giá trị băm không khớp).",
            $"The signature {subject} is invalid: the signed content was altered (digest mismatch)."),
        (_, SubIndication.SigCryptoFailure) => new(
            $"Chữ ký {subject} không hợp lệ: giá trị chữ ký không khớp với khóa công khai của người ký.",
            $"The signature {subject} is invalid: the signature value does not verify with the signer's public key."),
        (_, SubIndication.Revoked) => new(
            $"Chữ ký {subject} không hợp lệ: chứng thư số đã bị thu hồi trước thời điểm ký.",
            $"The signature {subject} is invalid: the certificate was revoked before the signing time."),
        (_, SubIndication.NotYetValid) => new(
            $"Chữ ký {subject} không hợp lệ: chứng thư số chưa có hiệu lực tại thời điểm ký.",
            $"The signature {subject} is invalid: the certificate was not yet valid at the signing time."),
        (_, SubIndication.RevokedNoPoe) => new(
            $"Chưa xác định được chữ ký {subject}: chứng thư số đã bị thu hồi và không có dấu thời gian chứng minh chữ ký có trước thời điểm thu hồi.",
            $"The signature {subject} is indeterminate: the certificate is revoked and no timestamp proves the signature existed before the revocation."),
        (_, SubIndication.NoCertificateChainFound) => new(
            $"Chưa xác định được chữ ký {subject}: chứng thư số không chuỗi được tới một chứng thư gốc tin cậy.",
            $"The signature {subject} is indeterminate: the certificate does not chain to a trusted root."),
        (_, SubIndication.NoSigningCertificateFound) => new(
            $"Chưa xác định được chữ ký {subject}: không tìm thấy chứng thư số của người ký.",
            $"The signature {subject} is indeterminate: the signer's certificate was not found."),
        (_, SubIndication.OutOfBoundsNoPoe or SubIndication.Expired) => new(
            $"Chưa xác định được chữ ký {subject}: chứng thư số đã hết hạn và không có dấu thời gian chứng minh chữ ký được tạo khi chứng thư còn hiệu lực.",
            $"The signature {subject} is indeterminate: the certificate has expired and no timestamp proves the signature was made while it was valid."),
        (_, SubIndication.TryLater) => new(
            $"Chưa xác định được chữ ký {subject}: không có thông tin thu hồi (OCSP/CRL) dùng được; hãy kiểm tra lại sau.",
            $"The signature {subject} is indeterminate: no usable revocation information (OCSP/CRL); try again later."),
        (_, SubIndication.CryptoConstraintsFailure) => new(
            $"Chưa xác định được chữ ký {subject}: thuật toán mật mã đã yếu hoặc không được phép.",
            $"The signature {subject} is indeterminate: a cryptographic algorithm is weak or not allowed."),
        (_, SubIndication.SigConstraintsFailure) => new(
            $"Chưa xác định được chữ ký {subject}: thiếu thuộc tính bắt buộc (chứng thư ký - signing-certificate).",
            $"The signature {subject} is indeterminate: a required attribute (signing-certificate) is missing or does not match."),
        (_, SubIndication.ChainConstraintsFailure) => new(
            $"Chưa xác định được chữ ký {subject}: mục đích sử dụng khóa của chứng thư số không cho phép ký.",
            $"The signature {subject} is indeterminate: the certificate's key usage does not allow signing."),
        (Indication.TotalFailed, _) => new(
            $"Chữ ký {subject} không hợp lệ.",
            $"The signature {subject} is invalid."),
        _ => new(
            $"Chưa xác định được chữ ký {subject}: chuỗi chứng thư số không hợp lệ.",
            $"The signature {subject} is indeterminate: the certificate chain is not valid."),
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
