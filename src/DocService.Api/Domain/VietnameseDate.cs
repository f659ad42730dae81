using System.Globalization;

namespace DocService.Api.Domain;

/// <summary>
/// The date as Decree 30 writes it on a document: "ngày 05 tháng 01 năm 2027" — a leading zero for
/// days below 10 and for months 1 and 2 (so "tháng 01" cannot be altered to "tháng 11" by hand),
/// none for other months.
/// </summary>
public static class VietnameseDate
{
    public static string Format(DateOnly date)
    {
        var day = date.Day.ToString(date.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture);
        var month = date.Month.ToString(date.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }
}
