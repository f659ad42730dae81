namespace DocService.Drafting.Validation;

/// <summary>
/// The rule every free-text field shares, whichever way it arrives (draft JSON, upload form): no control characters
/// but whitespace, and no bidirectional controls, which make a subject or a name display differently from the
/// characters it holds (an override can show "exe.fdp" as "pdf.exe") and are never needed in Vietnamese.
/// </summary>
public static class PlainText
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is fine.</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
            return null;
        foreach (var c in value)
        {
            if (char.IsControl(c) && !char.IsWhiteSpace(c))
                return "contains control characters";
            if (IsBidiControl(c))
                return $"contains the bidirectional control U+{(int)c:X4}, which makes text display differently from what it holds";
        }
        return null;
    }

    // Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the marks (LRM, RLM, ALM).
    static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
