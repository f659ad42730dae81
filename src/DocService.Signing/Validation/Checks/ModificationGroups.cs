namespace DocService.Signing.Validation.Checks;

/// <summary>
/// Sums the per-object findings of each revision up by what they mean for a reader ("2 form fields
/// filled, 1 signature added") instead of one line per object.
/// </summary>
internal static class ModificationGroups
{
    enum Meaning
    {
        FieldFilled,
        SignatureAdded,
        DocumentTimestampAdded,
        ValidationData,
        Annotation,
        Other,
    }

    public static IReadOnlyList<ModificationGroup> Of(IReadOnlyList<ModificationFinding> findings) =>
        findings.Where(f => f.Level > ModificationLevel.None && f.Revision > 0)
            .GroupBy(f => f.Revision)
            .OrderBy(g => g.Key)
            .Select(revision => Summarise(revision.Key, [.. revision]))
            .ToList();

    static ModificationGroup Summarise(int revision, IReadOnlyList<ModificationFinding> findings)
    {
        var counts = findings.GroupBy(MeaningOf).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var vi = string.Join(", ", counts.Select(c => Vi(c.Key, c.Item2)));
        var en = string.Join(", ", counts.Select(c => En(c.Key, c.Item2)));
        var forbidden = findings.Where(f => !f.Permitted).ToList();
        return new(revision, findings.Max(f => f.Level), forbidden.Count == 0, new(
            $"phiên bản {revision}: {vi}{(forbidden.Count == 0 ? "" : " (không được phép)")}",
            $"revision {revision}: {en}{(forbidden.Count == 0 ? "" : " (not permitted)")}"));
    }

    static Meaning MeaningOf(ModificationFinding f) => f.Level switch
    {
        ModificationLevel.LtvOnly when f.Description.StartsWith("A document timestamp", StringComparison.Ordinal) => Meaning.DocumentTimestampAdded,
        ModificationLevel.LtvOnly => Meaning.ValidationData,
        ModificationLevel.FormFillAndSignatures when f.Description.StartsWith("A signature", StringComparison.Ordinal) => Meaning.SignatureAdded,
        ModificationLevel.FormFillAndSignatures => Meaning.FieldFilled,
        ModificationLevel.Annotations => Meaning.Annotation,
        _ => Meaning.Other,
    };

    static string Vi(Meaning meaning, int count) => meaning switch
    {
        Meaning.FieldFilled => $"{count} thay đổi ở trường biểu mẫu (điền giá trị, hình hiển thị)",
        Meaning.SignatureAdded => $"{count} chữ ký được thêm",
        Meaning.DocumentTimestampAdded => $"{count} dấu thời gian tài liệu được thêm",
        Meaning.ValidationData => $"{count} thay đổi dữ liệu xác thực hoặc siêu dữ liệu (DSS, thông tin tài liệu)",
        Meaning.Annotation => $"{count} thay đổi ở chú thích (annotation)",
        _ => $"{count} thay đổi khác (nội dung trang, tài nguyên, cấu trúc tài liệu)",
    };

    static string En(Meaning meaning, int count) => meaning switch
    {
        Meaning.FieldFilled => $"{count} form field change(s) (values, appearances)",
        Meaning.SignatureAdded => $"{count} signature(s) added",
        Meaning.DocumentTimestampAdded => $"{count} document timestamp(s) added",
        Meaning.ValidationData => $"{count} validation data or metadata change(s) (DSS, document information)",
        Meaning.Annotation => $"{count} annotation change(s)",
        _ => $"{count} other change(s) (page content, resources, document structure)",
    };
}
