using System.Globalization;

namespace DocService.Signing.Validation;

/// <summary>
/// How reports write things for people, in both languages: times in Vietnam time (UTC+7), levels
/// as ETSI writes them, indications and checks in words (never enum names).
/// </summary>
public static class Wording
{
    static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Vi(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString("HH:mm:ss 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (giờ Việt Nam)";

    public static string En(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (Vietnam time, UTC+7)";

    internal static string Date(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string IsoDate(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A level as ETSI writes it (B-T, not BT).</summary>
    public static string Level(LevelReached level) => level switch
    {
        LevelReached.BB => "B-B",
        LevelReached.BT => "B-T",
        LevelReached.BLT => "B-LT",
        LevelReached.BLTA => "B-LTA",
        _ => "—",
    };

    public static string Time(DateTimeOffset time, ReportLanguage language) => language == ReportLanguage.English ? En(time) : Vi(time);

    public static string Indication(Indication indication, ReportLanguage language) => (indication, language) switch
    {
        (Validation.Indication.TotalPassed, ReportLanguage.English) => "VALID",
        (Validation.Indication.TotalPassed, _) => "HỢP LỆ",
        (Validation.Indication.TotalFailed, ReportLanguage.English) => "INVALID",
        (Validation.Indication.TotalFailed, _) => "KHÔNG HỢP LỆ",
        (_, ReportLanguage.English) => "INDETERMINATE",
        _ => "CHƯA XÁC ĐỊNH",
    };

    public static string Check(CheckName check, ReportLanguage language) => (check, language == ReportLanguage.English) switch
    {
        (CheckName.Integrity, false) => "Toàn vẹn",
        (CheckName.Integrity, true) => "Integrity",
        (CheckName.Coverage, false) => "Phạm vi ký",
        (CheckName.Coverage, true) => "Coverage",
        (CheckName.Modifications, false) => "Thay đổi sau khi ký",
        (CheckName.Modifications, true) => "Changes after signing",
        (CheckName.Timestamps, false) => "Dấu thời gian",
        (CheckName.Timestamps, true) => "Timestamps",
        (CheckName.Trust, false) => "Chứng thư số",
        (CheckName.Trust, true) => "Certificate",
        (CheckName.Revocation, false) => "Thu hồi",
        (CheckName.Revocation, true) => "Revocation",
        (CheckName.Level, false) => "Mức PAdES",
        _ => "PAdES level",
    };

    public static string Status(CheckStatus status, ReportLanguage language) => (status, language == ReportLanguage.English) switch
    {
        (CheckStatus.Passed, false) => "đạt",
        (CheckStatus.Passed, true) => "passed",
        (CheckStatus.Warning, false) => "đạt, có lưu ý",
        (CheckStatus.Warning, true) => "passed with a note",
        (CheckStatus.Indeterminate, false) => "chưa xác định",
        (CheckStatus.Indeterminate, true) => "indeterminate",
        (CheckStatus.Failed, false) => "không đạt",
        (CheckStatus.Failed, true) => "failed",
        (_, false) => "không áp dụng",
        _ => "not applicable",
    };

    /// <summary>The English detail a check found, as one sentence list (the Vietnamese message says the same in its own words).</summary>
    internal static string Detail(IEnumerable<string> reasons) => string.Join(" ", reasons.Distinct());
}

/// <summary>The language a report is written in.</summary>
public enum ReportLanguage
{
    Vietnamese,
    English,
}
