using DocService.Signing.Validation.Modifications;

namespace DocService.Signing.Validation.Checks;

/// <summary>
/// What the revisions after the signature changed and whether the certification and the field
/// locks permit it; a ByteRange that is not sane or a CMS that is not there is itself an attack
/// sign (universal forgery, signature wrapping).
/// </summary>
internal static class ModificationsCheck
{
    public static ModificationsResult Run(SignatureEvidence evidence)
    {
        var found = ModificationAnalyzer.Analyze(evidence.Snapshots, evidence.Signature, evidence.ByteRange);
        var attacks = new SortedSet<PdfAttack>(found.Attacks);
        var signature = evidence.Signature;
        if (signature.ByteRange is null || signature.Contents is not { Length: > 0 } || !evidence.ByteRange.InsideFile
            || evidence.Cms is null && evidence.Integrity.UnsupportedLegacyFormat is null)
            attacks.Add(PdfAttack.UniversalSignatureForgery);
        else if (!evidence.ByteRange.Valid)
            attacks.Add(PdfAttack.SignatureWrapping);
        return new(found.Level, found.Permitted, found.Findings, ModificationGroups.Of(found.Findings), [.. attacks]);
    }

    public static CheckOutcome Judge(ModificationsResult r)
    {
        if (r.Attacks.Count > 0)
            return new(CheckName.Modifications, CheckStatus.Failed, new(
                $"Tệp có dấu hiệu bị tấn công ({string.Join(", ", r.Attacks.Select(AttackVi))}).",
                $"The file shows signs of an attack ({string.Join(", ", r.Attacks.Select(AttackEn))})."));
        if (r.Level == ModificationLevel.None)
            return new(CheckName.Modifications, CheckStatus.Passed, new(
                "Tài liệu không bị thay đổi sau khi ký.", "The document was not changed after signing."));
        var groups = string.Join("; ", r.Groups.Select(g => g.Summary.Vi));
        var groupsEn = string.Join("; ", r.Groups.Select(g => g.Summary.En));
        return r.Permitted
            ? new(CheckName.Modifications, CheckStatus.Passed, new(
                $"Các thay đổi sau khi ký đều được phép: {groups}.", $"Every change after signing is permitted: {groupsEn}."))
            : new(CheckName.Modifications, CheckStatus.Failed, new(
                $"Tài liệu bị thay đổi sau khi ký theo cách không được phép: {groups}.", $"The document was changed after signing in a way that is not permitted: {groupsEn}."));
    }

    public static string AttackVi(PdfAttack attack) => attack switch
    {
        PdfAttack.IncrementalSavingAttack => "nội dung được nối thêm sau khi ký làm thay đổi nội dung hiển thị",
        PdfAttack.SignatureWrapping => "vùng ký bị bẻ để dữ liệu đã ký bị dời đi (signature wrapping)",
        PdfAttack.UniversalSignatureForgery => "giá trị chữ ký hoặc ByteRange bị thiếu hay sai dạng (universal signature forgery)",
        PdfAttack.ShadowHide => "nội dung ẩn lúc ký bị làm hiện ra hoặc chữ ký bị che (shadow hide)",
        PdfAttack.ShadowReplace => "nội dung lúc ký bị thay bằng nội dung khác (shadow replace)",
        _ => "ẩn và thay nội dung (shadow hide-and-replace)",
    };

    public static string AttackEn(PdfAttack attack) => attack switch
    {
        PdfAttack.IncrementalSavingAttack => "content appended after signing changes what is shown (incremental saving attack)",
        PdfAttack.SignatureWrapping => "the byte range is bent so that the signed bytes are moved aside (signature wrapping)",
        PdfAttack.UniversalSignatureForgery => "the signature value or byte range is missing or malformed (universal signature forgery)",
        PdfAttack.ShadowHide => "content hidden at signing revealed, or the signature hidden (shadow hide)",
        PdfAttack.ShadowReplace => "content replaced by other content (shadow replace)",
        _ => "content hidden and replaced (shadow hide-and-replace)",
    };
}
