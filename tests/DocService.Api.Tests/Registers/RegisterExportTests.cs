using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using DocService.Api.Domain;
using DocService.Api.Features.Registers;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Registers;

/// <summary>The registers page in JSON and download whole as XLSX and PDF with Phụ lục IV's columns; on both providers.</summary>
public abstract class RegisterExportTests(ApiFactory api)
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;
    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);

    async Task IssuedAsync(params (int Number, string Subject)[] documents)
    {
        await api.RegisterOrganAsync(_organ, "Ủy ban nhân dân xã Thử Nghiệm");
        await using var db = api.CreateDb();
        foreach (var (number, subject) in documents)
        {
            var document = Document.CreateOutgoing(Guid.NewGuid(), OrganId.Parse(_organ),
                new DocumentMetadata("Quyết định", subject, "QĐ-UBND", "TM.", "Chủ tịch", "Nguyễn Văn An", ToPlaces: "Như Điều 3; Lưu: VT."),
                "drafter", DateTimeOffset.UtcNow);
            document.Submit(DateTimeOffset.UtcNow);
            document.Approve(DateTimeOffset.UtcNow);
            document.MarkSigned(DateTimeOffset.UtcNow, "Nguyễn Văn An");
            document.Issue(number, new DateOnly(2026, 3, number), DateTimeOffset.UtcNow);
            db.Documents.Add(document);
        }
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_outgoing_register_pages_in_number_order()
    {
        await IssuedAsync((3, "Về việc C"), (1, "Về việc A"), (2, "Về việc B"));

        var first = await (await Clerk.GetAsync("/api/v1/registers/outgoing?year=2026&pageSize=2", Ct)).ShouldBeJsonAsync<RegisterView>();
        var second = await (await Clerk.GetAsync("/api/v1/registers/outgoing?year=2026&pageSize=2&page=2", Ct)).ShouldBeJsonAsync<RegisterView>();

        (first.Page, first.PageSize, first.Total).ShouldBe((1, 2, 3));
        first.Items.Select(r => r["code"]).ShouldBe(["01/QĐ-UBND", "02/QĐ-UBND"]);
        second.Items.Select(r => r["code"]).ShouldBe(["03/QĐ-UBND"]);
        first.OrganName.ShouldBe("Ủy ban nhân dân xã Thử Nghiệm");
    }

    [Fact]
    public async Task The_outgoing_register_downloads_whole_as_a_spreadsheet_with_the_ten_columns()
    {
        await IssuedAsync((1, "Về việc A"), (2, "Về việc B"), (3, "Về việc C"));

        // A file is the whole year, whatever page size the link carries.
        var response = await Clerk.GetAsync("/api/v1/registers/outgoing?year=2026&format=xlsx&pageSize=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("so-van-ban-di-2026.xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        var header = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Số, ký hiệu văn bản");
        Enumerable.Range(1, 10).Select(c => header.Cell(c).GetString()).ShouldBe([
            "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
            "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"]);
        var entries = sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber()).ToList();
        entries.Select(r => r.Cell(1).GetString()).ShouldBe(["01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND"]);
        entries[0].Cell(2).GetString().ShouldBe("01/03/2026"); // text, not turned into a date
        entries[0].Cell(3).GetString().ShouldBe("Quyết định: Về việc A");
        entries[0].Cell(4).GetString().ShouldBe("Nguyễn Văn An");
    }

    [Fact]
    public async Task The_incoming_register_downloads_as_a_pdf_by_the_accept_header()
    {
        await api.RegisterOrganAsync(_organ, "Ủy ban nhân dân xã Thử Nghiệm");
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("a"), subject: "V/v thành lập Tổ công tác cải cách hành chính"));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("b"), subject: "Về việc tổ chức hội nghị", sender: "Công an tỉnh Nghệ An"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/registers/incoming");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await Clerk.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = await ReportText.OfAsync(pdf);
        text.ShouldContain("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
        text.ShouldContain("Tên loại và trích yếu nội dung");
        text.ShouldContain("Công an tỉnh Nghệ An");
        text.ShouldContain("Tổ công tác");
        if (Environment.GetEnvironmentVariable("DOCSERVICE_KEEP_REPORTS") is { Length: > 0 } keep)
            await File.WriteAllBytesAsync(Path.Combine(keep, $"incoming-register-{api.Provider}.pdf"), pdf, Ct);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("format=odt", "format")]
    public async Task A_bad_page_or_format_is_named_in_the_problem(string parameter, string field)
    {
        var problem = await (await Clerk.GetAsync($"/api/v1/registers/outgoing?year=2026&{parameter}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
    }
}

public sealed class RegisterExportOnSqliteTests(SqliteApi api) : RegisterExportTests(api), IClassFixture<SqliteApi>;

public sealed class RegisterExportOnPostgresTests(PostgresApi api) : RegisterExportTests(api), IClassFixture<PostgresApi>;
