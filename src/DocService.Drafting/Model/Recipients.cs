namespace DocService.Drafting.Model;

/// <summary>
/// Who receives the document. <paramref name="Addressees"/> form the "Kính gửi:" line of công văn
/// and tờ trình; <paramref name="CopiesTo"/> are the "Nơi nhận:" entries (without the leading dash or
/// trailing semicolon); the list always ends "- Lưu: VT, {DraftingUnit}." — the clerk's archive copy
/// and the drafting unit's.
/// </summary>
public sealed record Recipients(
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> CopiesTo,
    string DraftingUnit)
{
    /// <summary>
    /// The entries under "Nơi nhận:" as printed, without their leading dash: each copy ends with ";"
    /// and the list with the archive line. The document's metadata keeps the same text.
    /// </summary>
    public IEnumerable<string> PrintedEntries() =>
        CopiesTo.Select(entry => entry.TrimEnd(';', '.', ',') + ";").Append($"Lưu: VT, {DraftingUnit.TrimEnd('.')}.");
}
