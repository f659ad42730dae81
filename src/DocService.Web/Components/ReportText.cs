using System.Reflection;
using System.Text.Json.Serialization;
using DocService.Signing.Validation;
using DocService.Web.Localization;

namespace DocService.Web.Components;

/// <summary>The validation report's values as the auditor's page words them, matching the PDF report.</summary>
public static class ReportText
{
    public static string Of(this UiLanguage l, LocalizedMessage message) => l.IsEnglish ? message.En : message.Vi;

    /// <summary>The name the report's JSON and the ETSI standards give a value ("TOTAL_PASSED", "B-LTA").</summary>
    public static string Wire(Enum value) =>
        value.GetType().GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    public static string Verdict(Indication indication) => indication switch
    {
        Indication.TotalPassed => "passed",
        Indication.TotalFailed => "failed",
        _ => "indeterminate",
    };

    public static string Check(UiLanguage l, CheckName check) => check switch
    {
        CheckName.Integrity => l.T("Toàn vẹn", "Integrity"),
        CheckName.Coverage => l.T("Phạm vi ký", "Coverage"),
        CheckName.Modifications => l.T("Thay đổi sau khi ký", "Changes after signing"),
        CheckName.Timestamps => l.T("Dấu thời gian", "Timestamps"),
        CheckName.Trust => l.T("Danh tính và tin cậy", "Identity and trust"),
        CheckName.Revocation => l.T("Tình trạng thu hồi", "Revocation"),
        CheckName.Level => l.T("Mức PAdES", "PAdES level"),
        _ => check.ToString(),
    };

    public static string Status(UiLanguage l, CheckStatus status) => status switch
    {
        CheckStatus.Passed => l.T("Đạt", "Passed"),
        CheckStatus.Warning => l.T("Đạt, có lưu ý", "Passed, with a warning"),
        CheckStatus.Indeterminate => l.T("Chưa xác định", "Indeterminate"),
        CheckStatus.Failed => l.T("Không đạt", "Failed"),
        _ => l.T("Không áp dụng", "Not applicable"),
    };
}
