using DocService.Api.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Archive;

/// <summary>
/// Chooses an issued document's retention class from its type (tên loại). The defaults follow the spirit of
/// the archive rules for outgoing records (Circular 10/2022/TT-BNV): normative and deciding documents are kept
/// permanently, correspondence and routine reports for a number of years. Anything not listed is kept
/// permanently, because a lock can be extended later but never shortened. Organs override the map with
/// <c>Archive:RetentionByType:{TypeName}</c>.
/// </summary>
public sealed class RetentionSchedule
{
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Nghị quyết"] = "Permanent",
        ["Quyết định"] = "Permanent",
        ["Chỉ thị"] = "Permanent",
        ["Quy chế"] = "Permanent",
        ["Quy định"] = "Permanent",
        ["Đề án"] = "Permanent",
        ["Kế hoạch"] = "Years20",
        ["Báo cáo"] = "Years20",
        ["Tờ trình"] = "Years20",
        ["Thông báo"] = "Years10",
        ["Công văn"] = "Years10",
        ["Giấy mời"] = "Years5",
    };

    readonly Dictionary<string, RetentionClass> _byType = new(StringComparer.OrdinalIgnoreCase);
    readonly RetentionClass _default;

    public RetentionSchedule(IOptions<ArchiveOptions> options)
    {
        foreach (var (type, name) in Defaults.Concat(options.Value.RetentionByType))
            _byType[type.Trim()] = new RetentionClass(name);
        _default = new RetentionClass(options.Value.DefaultRetention);
    }

    public RetentionClass For(string typeName) =>
        _byType.TryGetValue(typeName.Trim(), out var retention) ? retention : _default;
}
