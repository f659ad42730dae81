using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Handling;
using DocService.Api.Features.Statistics;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Statistics;

/// <summary>
/// The figures agencies report, per group, from arrivals handled through the API: one completed on time, one late,
/// one open past its due date, one open not yet due, and an outgoing draft; in JSON, XLSX, CSV and PDF; on both providers.
/// </summary>
public abstract class StatisticsTests(ApiFactory api)
{
    readonly string _organ = TestOrgans.New();
    static readonly DateOnly Today = VietnamTime.Today(DateTimeOffset.UtcNow);
    CancellationToken Ct => TestContext.Current.CancellationToken;
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);
    string Period => $"from={Today.AddDays(-1):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

    sealed record Staff(Guid Finance, Guid Office);

    async Task<Staff> HandledDocumentsAsync()
    {
        var admin = await api.RegisterOrganAsync(_organ, "Sở Nội vụ tỉnh Thử Nghiệm");
        var finance = await admin.AddUnitAsync("KHTC", "Phòng Kế hoạch - Tài chính");
        var office = await admin.AddUnitAsync("VP", "Văn phòng");
        await admin.AddOfficialAsync("chuyenvien.tc", "Nguyễn Thị Hoa", finance.Id, "drafter");
        await admin.AddOfficialAsync("chuyenvien.vp", "Trần Văn Nam", office.Id, "drafter");

        var onTime = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("a"), typeName: "Công văn"));
        await AssignAndCompleteAsync(onTime.Document, new AssignDocument.Assignee(UnitId: finance.Id, DueDate: Today.AddDays(5)));
        var late = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("b"), typeName: "Quyết định", dueDate: Today.AddDays(-2)));
        await AssignAndCompleteAsync(late.Document, new AssignDocument.Assignee(UserName: "chuyenvien.vp"));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("c"), typeName: "Công văn", dueDate: Today.AddDays(-3)));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("d"), typeName: "Công văn", dueDate: Today.AddDays(3)));

        var drafter = api.ClientFor("chuyenvien.tc", _organ, ["drafter"]);
        await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("draft"), typeName: "Tờ trình"), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        return new Staff(finance.Id, office.Id);
    }

    async Task AssignAndCompleteAsync(DocumentResponse document, AssignDocument.Assignee lead)
    {
        var assigned = await (await Leader.PostJsonAsync($"/api/v1/documents/{document.Id}/assignments", new AssignDocument.Request(lead), document.ETag()))
            .ShouldBeJsonAsync<HandlingResponse>();
        await (await Leader.PostJsonAsync($"/api/v1/documents/{document.Id}/completion", new CompleteHandling.Request("Đã trả lời."), assigned.Document.ETag()))
            .ShouldBeJsonAsync<HandlingResponse>();
    }

    [Fact]
    public async Task Figures_count_received_processed_on_time_late_and_in_progress_per_unit()
    {
        var staff = await HandledDocumentsAsync();

        var stats = await (await Clerk.GetAsync($"/api/v1/stats?{Period}&groupBy=unit", Ct)).ShouldBeJsonAsync<GetStatistics.Response>();

        stats.OrganName.ShouldBe("Sở Nội vụ tỉnh Thử Nghiệm");
        stats.GroupBy.ShouldBe(StatisticsGrouping.Unit);
        stats.Incoming.ShouldBe(new GetStatistics.Incoming(Received: 4, Processed: 2, OnTime: 1, Late: 1, InProgress: 2, Overdue: 1, NotYetDue: 1));
        stats.Outgoing.ShouldBe(new GetStatistics.Outgoing(Created: 1, Issued: 0, OnTime: 0, Late: 0, InProgress: 1, Overdue: 0, NotYetDue: 1, Sent: 0, Acknowledged: 0));
        stats.Groups.Select(g => (g.Key, g.Name)).ShouldBe([
            (staff.Finance.ToString(), "Phòng Kế hoạch - Tài chính"), (staff.Office.ToString(), "Văn phòng"), (null, GetStatistics.Unplaced)]);
        stats.Groups[0].Incoming.ShouldBe(new GetStatistics.Incoming(1, 1, 1, 0, 0, 0, 0));
        stats.Groups[0].Outgoing.Created.ShouldBe(1); // the drafter sits in the finance unit
        // Assigned to an official directly: counted under the official's unit.
        stats.Groups[1].Incoming.ShouldBe(new GetStatistics.Incoming(1, 1, 0, 1, 0, 0, 0));
        stats.Groups[2].Incoming.ShouldBe(new GetStatistics.Incoming(2, 0, 0, 0, 2, 1, 1));
    }

    [Fact]
    public async Task Figures_group_by_official_type_and_month()
    {
        await HandledDocumentsAsync();

        var byOfficial = await (await Clerk.GetAsync($"/api/v1/stats?{Period}&groupBy=official", Ct)).ShouldBeJsonAsync<GetStatistics.Response>();
        byOfficial.Groups.Single(g => g.Key == "chuyenvien.vp").ShouldSatisfyAllConditions(
            g => g.Name.ShouldBe("Trần Văn Nam"), g => g.Incoming.Late.ShouldBe(1));
        byOfficial.Groups.Single(g => g.Key == "chuyenvien.tc").Outgoing.Created.ShouldBe(1);

        var byType = await (await Clerk.GetAsync($"/api/v1/stats?{Period}&groupBy=TYPE", Ct)).ShouldBeJsonAsync<GetStatistics.Response>();
        byType.Groups.Select(g => (g.Name, g.Incoming.Received, g.Outgoing.Created)).ShouldBe([("Công văn", 3, 0), ("Quyết định", 1, 0), ("Tờ trình", 0, 1)]);

        var from = Today.AddMonths(-2);
        var byMonth = await (await Clerk.GetAsync($"/api/v1/stats?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&groupBy=month", Ct))
            .ShouldBeJsonAsync<GetStatistics.Response>();
        byMonth.Groups.Count.ShouldBe(3); // the empty months too
        byMonth.Groups[^1].Key.ShouldBe(Today.ToString("yyyy-MM"));
        byMonth.Groups[^1].Incoming.Received.ShouldBe(4);
        byMonth.Groups[0].Incoming.Received.ShouldBe(0);
    }

    [Fact]
    public async Task The_figures_download_as_a_spreadsheet_with_numbers_in_the_cells()
    {
        await HandledDocumentsAsync();

        var response = await Clerk.GetAsync($"/api/v1/stats?{Period}&groupBy=unit&format=xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldEndWith(".xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("BÁO CÁO SỐ LIỆU VĂN BẢN ĐẾN, VĂN BẢN ĐI");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Đơn vị");
        header.Cell(2).GetString().ShouldBe("Đến: tiếp nhận");
        var total = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Tổng cộng");
        total.Cell(2).DataType.ShouldBe(XLDataType.Number);
        total.Cell(2).GetValue<int>().ShouldBe(4);
        total.Cell(5).GetValue<int>().ShouldBe(1); // late
        sheet.RowsUsed().Any(r => r.Cell(1).GetString() == "Phòng Kế hoạch - Tài chính").ShouldBeTrue();
    }

    [Fact]
    public async Task The_figures_download_as_csv_by_the_accept_header()
    {
        await HandledDocumentsAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stats?{Period}&groupBy=type");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await Clerk.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }); // spreadsheets need it to read Vietnamese
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Loại văn bản,Đến: tiếp nhận,Đến: đã giải quyết,Đến: đúng hạn,Đến: quá hạn,");
        lines.ShouldContain(l => l.StartsWith("Công văn,3,1,1,0,2,1,1,"));
        lines[^1].ShouldStartWith("Tổng cộng,4,2,1,1,2,1,1,1,0,");
    }

    [Fact]
    public async Task The_figures_download_as_a_pdf_whose_vietnamese_text_extracts_exactly()
    {
        await HandledDocumentsAsync();

        var response = await Clerk.GetAsync($"/api/v1/stats?{Period}&groupBy=unit&format=pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = await ReportText.OfAsync(pdf);
        text.ShouldContain("BÁO CÁO SỐ LIỆU VĂN BẢN ĐẾN, VĂN BẢN ĐI");
        text.ShouldContain("Phòng Kế hoạch - Tài chính");
        text.ShouldContain("Giải quyết đúng hạn và quá hạn theo tháng"); // the chart's title
        text.ShouldContain("Sở Nội vụ tỉnh Thử Nghiệm");
        if (Environment.GetEnvironmentVariable("DOCSERVICE_KEEP_REPORTS") is { Length: > 0 } keep)
            await File.WriteAllBytesAsync(Path.Combine(keep, $"stats-{api.Provider}.pdf"), pdf, Ct);
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("groupBy=1", "groupBy")]
    [InlineData("format=docx", "format")]
    public async Task An_unknown_grouping_or_format_is_named_in_the_problem(string parameter, string field)
    {
        var problem = await (await Clerk.GetAsync($"/api/v1/stats?{Period}&{parameter}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        message.ShouldContain(parameter.Split('=')[1]);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var problem = await (await Clerk.GetAsync($"/api/v1/stats?from={Today:yyyy-MM-dd}&to={Today.AddDays(-1):yyyy-MM-dd}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").GetProperty("to")[0].GetString().ShouldBe("The end of the period ('to') must not be before its start ('from').");
    }
}

public sealed class StatisticsOnSqliteTests(SqliteApi api) : StatisticsTests(api), IClassFixture<SqliteApi>;

public sealed class StatisticsOnPostgresTests(PostgresApi api) : StatisticsTests(api), IClassFixture<PostgresApi>;
