using DocService.Web.Localization;

namespace DocService.Web.Components;

/// <summary>The API's codes (statuses, roles, priorities) in the words officials use for them.</summary>
public static class Labels
{
    public static string Status(UiLanguage l, string status) => status switch
    {
        "Draft" => l.T("Dự thảo", "Draft"),
        "InReview" => l.T("Chờ duyệt", "In review"),
        "Approved" => l.T("Đã duyệt", "Approved"),
        "Signed" => l.T("Đã ký", "Signed"),
        "Issued" => l.T("Đã phát hành", "Issued"),
        "Archived" => l.T("Đã lưu trữ", "Archived"),
        "Dispatched" => l.T("Đã gửi", "Dispatched"),
        "RevokeRequested" => l.T("Đang đề nghị thu hồi", "Revocation requested"),
        "Revoked" => l.T("Đã thu hồi", "Revoked"),
        "Received" => l.T("Đã đến", "Arrived"),
        "Registered" => l.T("Đã vào sổ", "Registered"),
        "Assigned" => l.T("Đã phân công", "Assigned"),
        "InProgress" => l.T("Đang xử lý", "In progress"),
        "Completed" => l.T("Hoàn thành", "Completed"),
        "Refused" => l.T("Từ chối tiếp nhận", "Refused"),
        "Withdrawn" => l.T("Đã lấy lại", "Withdrawn"),
        _ => status,
    };

    public static string Role(UiLanguage l, string role) => role switch
    {
        "drafter" => l.T("Chuyên viên", "Drafter"),
        "signer" => l.T("Lãnh đạo", "Signer"),
        "clerk" => l.T("Văn thư", "Clerk"),
        "auditor" => l.T("Kiểm tra", "Auditor"),
        "admin" => l.T("Quản trị", "Admin"),
        "platform-admin" => l.T("Quản trị nền tảng", "Platform admin"),
        _ => role,
    };

    public static string Kind(UiLanguage l, string kind) => kind == "Incoming" ? l.T("Văn bản đến", "Incoming") : l.T("Văn bản đi", "Outgoing");

    public static string Priority(UiLanguage l, string priority) => priority switch
    {
        "Normal" => l.T("Thường", "Normal"),
        "Urgent" => l.T("Khẩn", "Urgent"),
        "VeryUrgent" => l.T("Thượng khẩn", "Very urgent"),
        "Express" => l.T("Hỏa tốc", "Express"),
        "ExpressScheduled" => l.T("Hỏa tốc hẹn giờ", "Express, scheduled"),
        _ => priority,
    };

    /// <summary>QCVN 102:2016 handling status codes, as the sender sees them come back.</summary>
    public static string ExchangeStatus(UiLanguage l, string code) => code switch
    {
        "01" => l.T("01 Đã đến", "01 Arrived"),
        "02" => l.T("02 Từ chối tiếp nhận", "02 Refused"),
        "03" => l.T("03 Đã tiếp nhận", "03 Registered"),
        "04" => l.T("04 Phân công", "04 Assigned"),
        "05" => l.T("05 Đang xử lý", "05 In progress"),
        "06" => l.T("06 Hoàn thành", "06 Completed"),
        "13" => l.T("13 Lấy lại", "13 Recalled"),
        "15" => l.T("15 Đồng ý", "15 Agreed"),
        "16" => l.T("16 Từ chối", "16 Refused"),
        _ => code,
    };

    public static string Indication(UiLanguage l, string indication) => indication switch
    {
        "TOTAL_PASSED" or "TotalPassed" => l.T("Hợp lệ (TOTAL_PASSED)", "Valid (TOTAL_PASSED)"),
        "INDETERMINATE" or "Indeterminate" => l.T("Chưa xác định (INDETERMINATE)", "Indeterminate (INDETERMINATE)"),
        "TOTAL_FAILED" or "TotalFailed" => l.T("Không hợp lệ (TOTAL_FAILED)", "Invalid (TOTAL_FAILED)"),
        _ => indication,
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MiB",
    };
}
