using System.Globalization;
using DocService.Drafting.Reports;

namespace DocService.Api.Features.Statistics;

/// <summary>The statistics as the table agencies file: one row per group, then the totals; the PDF adds on time against late by month.</summary>
internal static class StatisticsTable
{
    static readonly TableColumn[] Figures =
    [
        new("Đến: tiếp nhận", Numeric: true),
        new("Đến: đã giải quyết", Numeric: true),
        new("Đến: đúng hạn", Numeric: true),
        new("Đến: quá hạn", Numeric: true),
        new("Đến: đang giải quyết", Numeric: true),
        new("Đang giải quyết: quá hạn", Numeric: true),
        new("Đang giải quyết: trong hạn", Numeric: true),
        new("Đi: khởi tạo", Numeric: true),
        new("Đi: đã phát hành", Numeric: true),
        new("Đi: đúng hạn", Numeric: true),
        new("Đi: trễ hạn", Numeric: true),
        new("Đi: đang xử lý", Numeric: true),
        new("Đang xử lý: quá hạn", Numeric: true),
        new("Đang xử lý: trong hạn", Numeric: true),
        new("Đi: đã gửi qua trục", Numeric: true),
        new("Đi: được tiếp nhận", Numeric: true),
    ];

    public static TableReport Describe(GetStatistics.Response statistics, GetStatistics.Response? byMonth)
    {
        var groupTitle = statistics.GroupBy switch
        {
            StatisticsGrouping.Unit => "Đơn vị",
            StatisticsGrouping.Official => "Cán bộ, công chức",
            StatisticsGrouping.Type => "Loại văn bản",
            StatisticsGrouping.Month => "Tháng",
            _ => "",
        };
        var rows = statistics.Groups.Select(g => Row(g.Name, g.Incoming, g.Outgoing)).ToList();
        rows.Add(Row("Tổng cộng", statistics.Incoming, statistics.Outgoing));
        var preamble = new List<string>
        {
            $"Cơ quan: {statistics.OrganName ?? statistics.OrganId} ({statistics.OrganId})",
            $"Từ ngày {Day(statistics.From)} đến ngày {Day(statistics.To)}" + (groupTitle.Length > 0 ? $"; theo {groupTitle.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}" : ""),
            "Đúng hạn, quá hạn: ngày hoàn thành so với hạn giải quyết; đang giải quyết tính đến cuối kỳ.",
        };
        return new TableReport(
            "BÁO CÁO SỐ LIỆU VĂN BẢN ĐẾN, VĂN BẢN ĐI",
            preamble,
            [new(groupTitle.Length > 0 ? groupTitle : "Phạm vi", Weight: 3), .. Figures],
            rows,
            byMonth is null ? null : Chart(byMonth));
    }

    static string?[] Row(string name, GetStatistics.Incoming i, GetStatistics.Outgoing o) =>
    [
        name,
        .. new[] { i.Received, i.Processed, i.OnTime, i.Late, i.InProgress, i.Overdue, i.NotYetDue,
            o.Created, o.Issued, o.OnTime, o.Late, o.InProgress, o.Overdue, o.NotYetDue, o.Sent, o.Acknowledged }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)),
    ];

    static BarChart Chart(GetStatistics.Response byMonth) => new(
        "Giải quyết đúng hạn và quá hạn theo tháng",
        [.. byMonth.Groups.Select(g => g.Name)],
        [
            new("Văn bản đến đúng hạn", [.. byMonth.Groups.Select(g => (double)g.Incoming.OnTime)], 46, 125, 50),
            new("Văn bản đến quá hạn", [.. byMonth.Groups.Select(g => (double)g.Incoming.Late)], 198, 40, 40),
            new("Văn bản đi đúng hạn", [.. byMonth.Groups.Select(g => (double)g.Outgoing.OnTime)], 40, 90, 160),
            new("Văn bản đi trễ hạn", [.. byMonth.Groups.Select(g => (double)g.Outgoing.Late)], 230, 140, 30),
        ]);

    static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
