using System.Globalization;
using System.Text.RegularExpressions;

namespace DocService.Signing.Validation.Pdf;

/// <summary>PDF date strings (ISO 32000-2 §7.9.4): <c>D:YYYYMMDDHHmmSSOHH'mm</c>, every part after the year optional.</summary>
internal static partial class PdfDate
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            return false;
        int Part(string name, int fallback) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = TimeSpan.Zero;
        if (match.Groups["sign"].Success && match.Groups["sign"].Value != "Z")
        {
            offset = new TimeSpan(Part("oh", 0), Part("om", 0), 0);
            if (match.Groups["sign"].Value == "-")
                offset = -offset;
        }
        try
        {
            value = new DateTimeOffset(Part("y", 0), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(D:)?(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?((?<sign>[+\-Z])((?<oh>\d{2})'?((?<om>\d{2})'?)?)?)?")]
    private static partial Regex Pattern();
}
