using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DocService.Web.Localization;

/// <summary>
/// Vietnamese first, English on request: the choice lives in a cookie set by the language switch. Pages write both
/// texts side by side (<c>L.T("Văn bản", "Documents")</c>) so a translation can never go missing or drift from its
/// place.
/// </summary>
public sealed class UiLanguage(IHttpContextAccessor accessor)
{
    public const string Cookie = "docservice.lang";
    public const string Vietnamese = "vi";
    public const string English = "en";

    public string Code => accessor.HttpContext?.Request.Cookies[Cookie] == English ? English : Vietnamese;

    public bool IsEnglish => Code == English;

    public CultureInfo Culture => CultureInfo.GetCultureInfo(IsEnglish ? "en-GB" : "vi-VN");

    public string T(string vietnamese, string english) => IsEnglish ? english : vietnamese;

    /// <summary>A date as the reader's language writes it (dd/MM/yyyy in both: the form Vietnamese documents use).</summary>
    public string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>An instant in Vietnam's time (UTC+7), where every office using the service is.</summary>
    public string Time(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
