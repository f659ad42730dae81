using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DocService.Api.Domain;

/// <summary>
/// Vietnamese text folded the way people type it without an input method: lower case, tone and vowel marks
/// removed, đ as d ("Tổ công tác" → "to cong tac", "QĐ-UBND" → "qd-ubnd"). Searches compare folded text.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// Whether two names (a person's, an organ's) are the same as written: composed or decomposed diacritics, spacing
    /// and letter case do not matter; the diacritics themselves do ("Nguyễn Văn An" is not "Nguyễn Văn Ân").
    /// </summary>
    public static bool SameName(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Spaced(a), Spaced(b), StringComparison.OrdinalIgnoreCase);

    static string Spaced(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            // Đ/đ carry their stroke in the letter itself, not as a combining mark, so FormD leaves them.
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    /// <summary>The string values of a JSON document (a structured draft's text), folded, one per line.</summary>
    public static string FoldJsonText(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return "";
        var values = new List<string>();
        using var document = JsonDocument.Parse(json);
        Collect(document.RootElement, values);
        return Fold(string.Join('\n', values));
    }

    static void Collect(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, values);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, values);
                break;
        }
    }
}

/// <summary>How an incoming document reached the organ (phương thức nhận).</summary>
public enum ArrivalChannel
{
    Paper,  // bản giấy, scanned by the clerk
    Email,
    Fax,
    Axis,   // trục liên thông văn bản quốc gia
}
