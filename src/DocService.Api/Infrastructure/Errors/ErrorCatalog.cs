namespace DocService.Api.Infrastructure.Errors;

/// <summary>One stable error code: the status it answers with and its title in English and Vietnamese.</summary>
public sealed record ErrorCode(string Code, int Status, string Title, string TitleVi);

/// <summary>
/// Every code a ProblemDetails can carry, published as api-spec/error-codes.json (a test fails when that file or
/// this list falls behind the codes the source throws). The Vietnamese titles are what <c>Accept-Language: vi</c> gets.
/// </summary>
public static class ErrorCatalog
{
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        // The defaults by status (ProblemCodes.ForStatus).
        new("request.invalid", 400, "The request is not valid.", "Yêu cầu không hợp lệ."),
        new("request.malformed_json", 400, "The request body is not valid JSON.", "Nội dung yêu cầu không phải JSON hợp lệ."),
        new("validation.failed", 400, "The request has invalid fields.", "Yêu cầu có trường dữ liệu không hợp lệ."),
        new("document.empty_file", 400, "The uploaded file is empty.", "Tệp tải lên bị rỗng."),
        new("verification.unknown_language", 400, "The report language is unknown.", "Ngôn ngữ báo cáo không được hỗ trợ."),
        new("idempotency.invalid_key", 400, "The Idempotency-Key header is not valid.", "Tiêu đề Idempotency-Key không hợp lệ."),
        new("auth.unauthenticated", 401, "Authentication is required.", "Cần xác thực người dùng."),
        new("auth.forbidden", 403, "You are not allowed to do this.", "Bạn không có quyền thực hiện thao tác này."),
        new("handling.not_assigned", 403, "You are not assigned to this document, nor is your unit.", "Bạn và đơn vị của bạn không được giao xử lý văn bản này."),
        new("handling.not_lead", 403, "Only the lead or a leader completes the handling.", "Chỉ đơn vị, cá nhân chủ trì hoặc lãnh đạo mới hoàn thành xử lý."),
        new("document.not_incoming", 409, "Only incoming documents are assigned for handling.", "Chỉ văn bản đến mới được phân công xử lý."),
        new("assignment.lead_exists", 409, "The document already has a lead; add supporting assignees instead.", "Văn bản đã có đơn vị, cá nhân chủ trì; hãy giao phối hợp."),
        new("official.unknown", 422, "The assignee is not an active official of the organ.", "Người được giao không phải là cán bộ đang làm việc tại cơ quan."),
        new("organ.platform_field", 403, "Only the platform administrator may change this field.", "Chỉ quản trị viên nền tảng được thay đổi trường này."),
        new("resource.not_found", 404, "The resource was not found.", "Không tìm thấy tài nguyên."),
        new("archive.not_found", 404, "The document has no archive package.", "Văn bản chưa có gói lưu trữ."),
        new("document.no_draft", 404, "The document has no stored draft.", "Văn bản không có bản dự thảo được lưu."),
        new("storage.object_not_found", 404, "The content was not found.", "Không tìm thấy nội dung."),
        new("request.method_not_allowed", 405, "This method is not allowed here.", "Phương thức này không được phép tại đây."),
        new("request.not_acceptable", 406, "No acceptable representation.", "Không có định dạng phản hồi phù hợp."),
        new("resource.conflict", 409, "The request conflicts with the current state.", "Yêu cầu xung đột với trạng thái hiện tại."),
        new("document.invalid_transition", 409, "The document is not in a state that allows this.", "Văn bản đang ở trạng thái không cho phép thao tác này."),
        new("document.frozen", 409, "The document is frozen by its sender.", "Văn bản đang bị bên gửi tạm dừng xử lý."),
        new("document.revoke_not_requested", 409, "The document is not in a state that allows this.", "Văn bản đang ở trạng thái không cho phép thao tác này."),
        new("document.already_signed", 409, "The document is already signed.", "Văn bản đã được ký."),
        new("document.fields_exist", 409, "The document already has its issue fields.", "Văn bản đã có các trường phát hành."),
        new("archive.not_ready", 409, "The archive package is not written yet.", "Gói lưu trữ chưa được ghi xong."),
        new("idempotency.in_progress", 409, "A request with this Idempotency-Key is still in progress.", "Yêu cầu với Idempotency-Key này đang được xử lý."),
        new("official.exists", 409, "This official already exists.", "Cán bộ này đã tồn tại."),
        new("official.self_deactivation", 409, "You cannot deactivate yourself.", "Bạn không thể tự vô hiệu hóa tài khoản của mình."),
        new("organ.exists", 409, "This organ already exists.", "Cơ quan này đã tồn tại."),
        new("unit.exists", 409, "This unit already exists.", "Đơn vị này đã tồn tại."),
        new("register.held", 409, "The register number is held by another document.", "Số đăng ký đang được văn bản khác giữ."),
        new("register.number_taken", 409, "The register number is already taken.", "Số đăng ký đã được sử dụng."),
        new("signing_session.completed", 409, "The signing session is already completed.", "Phiên ký đã hoàn tất."),
        new("signing_session.document_changed", 409, "The document changed since the signing session opened.", "Văn bản đã thay đổi kể từ khi mở phiên ký."),
        new("trust_anchor.exists", 409, "This root certificate is already trusted.", "Chứng thư gốc này đã được tin cậy."),
        new("storage.object_exists", 409, "The content already exists and is write-once.", "Nội dung đã tồn tại và chỉ được ghi một lần."),
        new("storage.object_immutable", 409, "The content is locked and cannot be changed.", "Nội dung đang bị khóa, không thể thay đổi."),
        new("storage.bucket_not_locked", 409, "The archive bucket has no Object Lock.", "Kho lưu trữ không bật Object Lock."),
        new("job.not_retryable", 409, "Only failed jobs can be retried.", "Chỉ có thể thử lại các tác vụ bị lỗi."),
        new("signing_session.expired", 410, "The signing session has expired.", "Phiên ký đã hết hạn."),
        new("precondition.failed", 412, "The document changed since you read it.", "Văn bản đã thay đổi kể từ khi bạn đọc."),
        new("request.too_large", 413, "The request is too large.", "Yêu cầu vượt quá kích thước cho phép."),
        new("document.too_large", 413, "The file is too large.", "Tệp vượt quá kích thước cho phép."),
        new("request.uri_too_long", 414, "The request line is too long.", "Dòng yêu cầu quá dài."),
        new("request.unsupported_media_type", 415, "The content type is not supported.", "Kiểu nội dung không được hỗ trợ."),
        new("document.not_pdf", 415, "The file is not a PDF.", "Tệp không phải PDF."),
        new("image.not_png", 415, "The image is not a PNG.", "Ảnh không phải định dạng PNG."),
        new("request.unprocessable", 422, "The request cannot be processed.", "Không thể xử lý yêu cầu."),
        new("document.unreadable_pdf", 422, "The PDF cannot be read.", "Không đọc được tệp PDF."),
        new("idempotency.key_reused", 422, "The Idempotency-Key was used for a different request.", "Idempotency-Key đã được dùng cho một yêu cầu khác."),
        new("image.not_transparent", 422, "The image has no transparent background.", "Ảnh không có nền trong suốt."),
        new("key.invalid_pkcs12", 422, "The file is not a PKCS#12 that opens with this password.", "Tệp không phải PKCS#12 mở được bằng mật khẩu này."),
        new("organ.not_registered", 422, "The organ is not registered.", "Cơ quan chưa được đăng ký."),
        new("organ.unknown_parent", 422, "The parent organ is unknown.", "Không xác định được cơ quan cấp trên."),
        new("unit.unknown", 422, "The unit is unknown.", "Không xác định được đơn vị."),
        new("signature.algorithm_unsupported", 422, "The signature algorithm is not supported.", "Thuật toán chữ ký không được hỗ trợ."),
        new("signature.certificate_not_valid_now", 422, "The signing certificate is not valid now.", "Chứng thư số ký không còn hiệu lực tại thời điểm này."),
        new("signature.field_missing", 422, "The document has no such signature field.", "Văn bản không có trường chữ ký này."),
        new("signature.field_already_signed", 422, "The signature field is already signed.", "Trường chữ ký đã được ký."),
        new("signature.field_not_signature", 422, "The field is not a signature field.", "Trường này không phải trường chữ ký."),
        new("signature.certification_not_first", 422, "A certifying signature must be the first.", "Chữ ký chứng nhận phải là chữ ký đầu tiên."),
        new("signature.document_locked", 422, "The document does not permit this signature.", "Văn bản không cho phép thêm chữ ký này."),
        new("signature.document_encrypted", 422, "Encrypted documents cannot be signed.", "Không thể ký văn bản đã mã hóa."),
        new("signature.invalid_placement", 422, "The signature cannot be placed there.", "Không thể đặt chữ ký tại vị trí này."),
        new("signature.malformed_document", 422, "The document is malformed.", "Văn bản bị lỗi cấu trúc."),
        new("signature.level_unavailable", 422, "This signature level is not available.", "Mức chữ ký này không khả dụng."),
        new("signature.no_key", 422, "No signing key is held for this signer.", "Không có khóa ký cho người ký này."),
        new("signature.too_large", 422, "The signature is larger than the space reserved for it.", "Chữ ký lớn hơn vùng dành sẵn cho nó."),
        new("signature.value_mismatch", 422, "The signature value does not match the prepared data.", "Giá trị chữ ký không khớp với dữ liệu đã chuẩn bị."),
        new("signature.signer_mismatch", 422, "The draft prints another signer than the one who signs.", "Người ký in trên dự thảo không phải người ký số."),
        new("draft.organ_mismatch", 422, "The draft is issued in another organ's name.", "Dự thảo ghi tên cơ quan ban hành khác với cơ quan của bạn."),
        new("signature.certificate_not_registered", 422, "The certificate is not registered for whoever signs.", "Chứng thư số chưa được đăng ký cho người ký."),
        new("signature.certificate_of_another_owner", 422, "The certificate is registered to someone else.", "Chứng thư số đã được đăng ký cho người khác."),
        new("signature.certificate_pending_approval", 422, "The certificate waits for an admin's approval.", "Chứng thư số đang chờ quản trị viên phê duyệt."),
        new("signature.certificate_untrusted", 422, "The certificate does not chain to a root the organ trusts.", "Chứng thư số không chuỗi tới chứng thư gốc mà cơ quan tin cậy."),
        new("signature.certificate_not_for_signing", 422, "The certificate's key usage does not allow signing.", "Mục đích sử dụng khóa của chứng thư số không cho phép ký."),
        new("signature.certificate_revoked", 422, "The certificate is revoked.", "Chứng thư số đã bị thu hồi."),
        new("certificate.registered", 409, "The certificate is already registered in the organ.", "Chứng thư số đã được đăng ký tại cơ quan."),
        new("certificate.already_active", 409, "The certificate is already active.", "Chứng thư số đã có hiệu lực."),
        new("certificate.proof_invalid", 422, "The proof is not a signature by the certificate's key.", "Bằng chứng không phải chữ ký bằng khóa của chứng thư số."),
        new("trust_anchor.not_a_ca", 422, "A trust anchor must be a CA certificate (basicConstraints CA, keyCertSign).", "Chứng thư tin cậy phải là chứng thư của tổ chức chứng thực (CA, có quyền ký chứng thư)."),
        new("trust_anchor.invalid_certificate", 422, "The file is not a CA certificate.", "Tệp không phải chứng thư của tổ chức chứng thực."),
        new("verification.no_signed_version", 422, "This signature has no signed version.", "Chữ ký này không có phiên bản đã ký."),
        new("verification.too_complex", 422, "Validation did not finish in time.", "Việc kiểm tra không hoàn tất trong thời gian cho phép."),
        new("verification.unreadable_pdf", 422, "The file cannot be read as a PDF.", "Không đọc được tệp dưới dạng PDF."),
        new("precondition.required", 428, "This change needs an If-Match header.", "Thao tác thay đổi này cần tiêu đề If-Match."),
        new("request.rate_limited", 429, "Too many requests; retry later.", "Quá nhiều yêu cầu; vui lòng thử lại sau."),
        new("request.headers_too_large", 431, "The request headers are too large.", "Phần tiêu đề của yêu cầu quá lớn."),
        new("server.error", 500, "An unexpected error occurred.", "Đã xảy ra lỗi không mong muốn."),
        new("storage.object_corrupted", 500, "Stored content failed its integrity check and was not served.", "Nội dung lưu trữ không vượt qua kiểm tra toàn vẹn nên không được trả về."),
        new("storage.retention_not_honoured", 500, "The object store did not keep the retention it was asked for.", "Kho lưu trữ không giữ thời hạn lưu trữ được yêu cầu."),
        new("timestamp.invalid_response", 502, "The timestamping authority gave an unusable answer; nothing was changed.", "Máy chủ cấp dấu thời gian trả lời không dùng được; chưa có gì thay đổi."),
        new("service.unavailable", 503, "The service is unavailable; retry later.", "Dịch vụ tạm thời không khả dụng; vui lòng thử lại sau."),
        new("storage.unavailable", 503, "The object store is unavailable; retry later.", "Kho lưu trữ tạm thời không khả dụng; vui lòng thử lại sau."),
        new("timestamp.unavailable", 503, "The timestamping authority is unavailable; nothing was changed, retry later.", "Máy chủ cấp dấu thời gian không khả dụng; chưa có gì thay đổi, vui lòng thử lại sau."),
        new("revocation.unavailable", 503, "Revocation data (OCSP/CRL) is unavailable; nothing was changed, retry later.", "Không lấy được thông tin thu hồi (OCSP/CRL); chưa có gì thay đổi, vui lòng thử lại sau."),
        new("key.sealed_under_unknown_key", 503, "A held key cannot be opened with the configured protection keys; nothing was changed.", "Không mở được khóa đang lưu giữ bằng các khóa bảo vệ đã cấu hình; chưa có gì thay đổi."),
        new("key.token_unavailable", 503, "The signing key's token or HSM cannot be used; nothing was changed, retry later.", "Không dùng được token hoặc HSM chứa khóa ký; chưa có gì thay đổi, vui lòng thử lại sau."),
    ];

    static readonly Dictionary<string, ErrorCode> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public static ErrorCode? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>The Vietnamese title for a code, or for its status when the code is not listed.</summary>
    public static string VietnameseTitle(string? code, int status) =>
        Find(code)?.TitleVi ?? Find(ProblemCodes.ForStatus(status))?.TitleVi ?? Find("server.error")!.TitleVi;
}
