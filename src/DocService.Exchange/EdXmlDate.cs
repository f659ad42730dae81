using System.Globalization;

namespace DocService.Exchange;

/// <summary>
/// Dates as edXML writes them (<c>yyyy/MM/dd</c>, times <c>yyyy/MM/dd HH:mm:ss</c> in Vietnam time,
/// +07:00) and as deployed axes actually send them (<c>dd/MM/yyyy</c>, dashes, ISO 8601 occur).
/// </summary>
public static class EdXmlDate
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    static readonly string[] DateFormats =
        ["yyyy/MM/dd", "yyyy/M/d", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "yyyyMMdd"];

    static readonly string[] TimeFormats =
    [
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    public static string Format(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses a date in any of the forms seen; a time part, if any, is ignored. Empty ⇒ null.</summary>
    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return true;
        var datePart = text.Split([' ', 'T'], 2)[0];
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    /// <summary>Parses a timestamp; without an offset it is Vietnam time. A date alone is midnight.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return true;
        if (text.Contains('+') || text.EndsWith('Z') || (text.Length > 19 && text.LastIndexOf('-') > 10))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                time = withOffset;
                return true;
            }
        }
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, VietnamOffset);
            return true;
        }
        if (TryParseDate(text, out var date) && date is { } d)
        {
            time = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), VietnamOffset);
            return true;
        }
        return false;
    }
}
