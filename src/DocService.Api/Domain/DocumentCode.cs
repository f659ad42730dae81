using System.Globalization;

namespace DocService.Api.Domain;

/// <summary>
/// Số, ký hiệu: "05/QĐ-UBND". Decree 30 writes numbers below 10 with a leading zero.
/// </summary>
public static class DocumentCode
{
    public static string? Format(int? number, string? notation) =>
        number is null ? null
        : string.IsNullOrEmpty(notation) ? number.Value.ToString("00", CultureInfo.InvariantCulture)
        : $"{number.Value.ToString("00", CultureInfo.InvariantCulture)}/{notation}";
}
