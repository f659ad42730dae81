using System.Text.RegularExpressions;
using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>
/// The outgoing lifecycle through the pages only, each step by the demo official whose job it is: the drafter writes a
/// công văn in the structured form and submits it, the chair approves and signs it, the clerk issues and dispatches it,
/// it arrives in the other demo organ's list, and an auditor who uploads the issued PDF reads TOTAL_PASSED.
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
