using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>The receiving clerk's day: a paper arrival scanned, registered with its next arrival number, and seen in the office's list.</summary>
[Trait("Category", "Browser")]
public sealed class ArrivalTests(WebApp app)
{
    [Fact]
    public async Task A_clerk_registers_a_paper_arrival_and_finds_it_in_the_incoming_list_and_register()
    {
        var subject = $"V/v đề nghị phối hợp rà soát hồ sơ {Guid.NewGuid().ToString()[..8]}";
        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync("stp.vanthu");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận văn bản đến", Exact = true }).ClickAsync();
        await clerk.GetByLabel("Tệp PDF (bản quét hoặc bản điện tử)").SetInputFilesAsync(new FilePayload
        {
            Name = "ban-quet.pdf", MimeType = "application/pdf", Buffer = MinimalPdf.Create("Cong van so 15/STC-NS"),
        });
        await clerk.GetByLabel("Cơ quan gửi (tác giả)").FillAsync("Sở Tài chính tỉnh Nghệ An");
        await clerk.GetByLabel("Số", new() { Exact = true }).FillAsync("15");
        await clerk.GetByLabel("Ký hiệu").FillAsync("STC-NS");
        await clerk.GetByLabel("Ngày văn bản").FillAsync("2026-03-02");
        await clerk.GetByLabel("Tên loại").FillAsync("Công văn");
        await clerk.GetByLabel("Trích yếu").FillAsync(subject);
        await clerk.GetByLabel("Hạn giải quyết").FillAsync("2026-12-31");
        await clerk.ScreenshotAsync("20-arrival-form");
        await clerk.ShouldBeAccessibleAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Vào sổ văn bản đến" }).ClickAsync();

        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã vào sổ văn bản đến.");
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Sở Tài chính tỉnh Nghệ An");

        await clerk.GetByRole(AriaRole.Link, new() { Name = "Văn bản đến", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = subject })).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator(".register")).ToContainTextAsync($"Công văn: {subject}");
        await clerk.ScreenshotAsync("21-incoming-list");
        await clerk.ShouldBeAccessibleAsync();
    }
}
