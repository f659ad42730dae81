using System.Text.RegularExpressions;
using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>
/// The outgoing lifecycle through the pages only, each step by the demo official whose job it is: the drafter writes a
/// công văn in the structured form and submits it, the chair approves and signs it, the clerk issues and dispatches it,
/// it arrives in the other demo organ's list, is assigned there and reported done, and an auditor who uploads the issued PDF reads TOTAL_PASSED.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class LifecycleTests(WebApp app)
{
    const string Department = "000.00.12.H41";

    [Fact]
    public async Task A_draft_is_submitted_approved_signed_issued_and_dispatched_through_the_pages()
    {
        var subject = $"Về việc kiểm tra trình duyệt {Guid.NewGuid().ToString()[..8]}";

        var drafter = await app.NewPageAsync();
        await drafter.SignInAsync("ubnd.chuyenvien");
        await drafter.ScreenshotAsync("01-my-work-drafter");
        await drafter.ShouldBeAccessibleAsync();
        await drafter.GetByRole(AriaRole.Link, new() { Name = "Soạn thảo", Exact = true }).ClickAsync();
        await drafter.GetByLabel("Loại văn bản").SelectOptionAsync("CongVan");
        await drafter.GetByLabel("Ký hiệu (ví dụ QĐ-UBND)").FillAsync("UBND-VP");
        await drafter.GetByLabel("Trích yếu").FillAsync(subject);
        await drafter.GetByLabel("Tên cơ quan").FillAsync("Ủy ban nhân dân tỉnh Nghệ An");
        await drafter.GetByLabel("Các đoạn văn (công văn, tờ trình, báo cáo…)").FillAsync(
            "Ủy ban nhân dân tỉnh đề nghị các sở, ngành rà soát việc gửi, nhận văn bản điện tử.\nĐề nghị báo cáo trước ngày 30 tháng 6./.");
        await drafter.GetByLabel("Thẩm quyền ký").SelectOptionAsync("OnBehalfOfCollective");
        await drafter.GetByLabel("Thay mặt cho (ví dụ Ủy ban nhân dân)").FillAsync("Ủy ban nhân dân");
        await drafter.GetByLabel("Chức vụ").FillAsync("Chủ tịch");
        await drafter.GetByLabel("Họ và tên").FillAsync("Nguyễn Văn An");
        await drafter.GetByLabel("Kính gửi (mỗi dòng một nơi)").FillAsync("Sở Tư pháp tỉnh Nghệ An");
        await drafter.GetByLabel("Nơi nhận (mỗi dòng một nơi)").FillAsync("Như trên\nLưu: VT");
        await drafter.GetByLabel("Đơn vị soạn thảo (viết tắt)").FillAsync("VP");
        await drafter.ScreenshotAsync("02-draft-form");
        await drafter.ShouldBeAccessibleAsync();
        await drafter.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo" }).ClickAsync();

        await Expect(drafter.Status()).ToHaveTextAsync("Dự thảo");
        var documentUrl = DocumentPath().Match(drafter.Url).Value;
        await drafter.GetByRole(AriaRole.Button, new() { Name = "Trình duyệt" }).ClickAsync();
        await Expect(drafter.Status()).ToHaveTextAsync("Chờ duyệt");

        var signer = await app.NewPageAsync();
        await signer.SignInAsync("ubnd.chutich");
        await Expect(signer.GetByRole(AriaRole.Link, new() { Name = subject })).ToBeVisibleAsync();
        await signer.ScreenshotAsync("03-my-work-signer");
        await signer.GotoAsync(documentUrl);
        await signer.ShouldBeAccessibleAsync();
        await signer.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(signer.Status()).ToHaveTextAsync("Đã duyệt");
        await signer.GetByRole(AriaRole.Button, new() { Name = "Ký số bằng khóa của tôi" }).ClickAsync();
        await Expect(signer.Status()).ToHaveTextAsync("Đã ký");
        await signer.ScreenshotAsync("04-signed");

        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync("ubnd.vanthu");
        await clerk.GotoAsync(documentUrl);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Phát hành" }).ClickAsync();
        await Expect(clerk.Status()).ToHaveTextAsync(new Regex("Đã phát hành|Đã lưu trữ"));
        await clerk.ScreenshotAsync("05-issued");
        // The archive worker extends it to B-LTA and packages it within seconds; dispatch follows archiving.
        await ReloadUntilAsync(clerk, () => clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi qua trục liên thông" }));
        await clerk.GetByLabel("Mã định danh cơ quan nhận (cách nhau bởi dấu phẩy)").FillAsync(Department);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi qua trục liên thông" }).ClickAsync();
        await Expect(clerk.Status()).ToHaveTextAsync("Đã gửi");
        await ReloadUntilAsync(clerk, () => clerk.GetByText("03 Đã tiếp nhận"));
        await clerk.ScreenshotAsync("06-dispatched");
        await clerk.ShouldBeAccessibleAsync();

        var receiving = await app.NewPageAsync();
        await receiving.SignInAsync("stp.vanthu");
        await receiving.GotoAsync("/van-ban?q=" + Uri.EscapeDataString(subject));
        await receiving.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(receiving.Locator("main")).ToContainTextAsync("Văn bản đến");
        await receiving.ScreenshotAsync("07-arrived");
        var arrivalUrl = DocumentPath().Match(receiving.Url).Value;

        // The receiving organ's director assigns it; the official who leads it reports it done.
        var director = await app.NewPageAsync();
        await director.SignInAsync("stp.giamdoc");
        await director.GotoAsync(arrivalUrl);
        await director.GetByLabel("Đơn vị hoặc cán bộ chủ trì").SelectOptionAsync("user:stp.chuyenvien");
        await director.GetByLabel("Hạn xử lý").FillAsync("2026-12-31");
        await director.GetByLabel("Ý kiến chỉ đạo").FillAsync("Giao chuyên viên nghiên cứu, trả lời.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Phân công xử lý" }).ClickAsync();
        await Expect(director.Status()).ToHaveTextAsync("Đã phân công");
        await director.ShouldBeAccessibleAsync();

        var lead = await app.NewPageAsync();
        await lead.SignInAsync("stp.chuyenvien");
        await lead.GotoAsync(arrivalUrl);
        await lead.GetByLabel("Ý kiến xử lý").FillAsync("Đang rà soát hồ sơ.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Ghi ý kiến" }).ClickAsync();
        await Expect(lead.Status()).ToHaveTextAsync("Đang xử lý");
        await lead.GetByLabel("Kết quả xử lý").FillAsync("Đã rà soát và trả lời bằng văn bản.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành xử lý" }).ClickAsync();
        await Expect(lead.Status()).ToHaveTextAsync("Hoàn thành");
        await lead.ScreenshotAsync("07b-arrival-done");
        // The sender sees 04 (assigned) and 06 (completed) come back over the axis.
        await ReloadUntilAsync(clerk, () => clerk.GetByText("06 Hoàn thành"));

        // What the clerk sent, downloaded from the page as anyone would, goes to the auditor.
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.Locator("a[download^='revision-']").Last.ClickAsync());
        var issuedPdf = Path.Combine(Path.GetTempPath(), $"issued-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(issuedPdf);
        try
        {
            var auditor = await app.NewPageAsync();
            await auditor.SignInAsync("ubnd.kiemtra");
            await auditor.GetByRole(AriaRole.Link, new() { Name = "Xác minh chữ ký", Exact = true }).ClickAsync();
            await auditor.GetByLabel("Tệp PDF cần xác minh").SetInputFilesAsync(issuedPdf);
            await auditor.GetByRole(AriaRole.Button, new() { Name = "Xác minh", Exact = true }).ClickAsync();
            await Expect(auditor.GetByTestId("indication")).ToHaveTextAsync("Hợp lệ (TOTAL_PASSED)");
            await Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "Chữ ký 1: Nguyễn Văn An" })).ToBeVisibleAsync();
            await auditor.ScreenshotAsync("08-verification-report");
            await auditor.ShouldBeAccessibleAsync();
            var signedVersion = await auditor.RunAndWaitForDownloadAsync(() =>
                auditor.GetByRole(AriaRole.Link, new() { Name = "Tải phiên bản đã được ký bởi chữ ký này" }).First.ClickAsync());
            (await File.ReadAllBytesAsync(await signedVersion.PathAsync())).Take(5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        }
        finally
        {
            File.Delete(issuedPdf);
        }
    }

    static async Task ReloadUntilAsync(IPage page, Func<ILocator> what)
    {
        for (var attempt = 0; attempt < 60 && !await what().IsVisibleAsync(); attempt++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        await Expect(what()).ToBeVisibleAsync();
    }

    static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"/van-ban/[0-9a-f-]{36}")]
    private static partial Regex DocumentPath();
}
