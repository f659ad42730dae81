using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>A drafter's own PDF becomes a draft from the upload page.</summary>
[Trait("Category", "Browser")]
public sealed class UploadTests(WebApp app)
{
    [Fact]
    public async Task A_drafter_uploads_a_pdf_and_gets_a_draft_with_it_as_revision_1()
    {
        var subject = $"Về việc ban hành quy chế {Guid.NewGuid().ToString()[..8]}";
        var drafter = await app.NewPageAsync();
        await drafter.SignInAsync("ubnd.chuyenvien");
        await drafter.GetByRole(AriaRole.Link, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await drafter.GetByLabel("Tệp PDF").SetInputFilesAsync(new FilePayload
        {
            Name = "quyet-dinh.pdf", MimeType = "application/pdf", Buffer = MinimalPdf.Create("Quyet dinh ban hanh quy che"),
        });
        await drafter.GetByLabel("Tên loại văn bản").FillAsync("Quyết định");
        await drafter.GetByLabel("Trích yếu").FillAsync(subject);
        await drafter.ShouldBeAccessibleAsync();
        await drafter.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();

        await Assertions.Expect(drafter.GetByTestId("status")).ToHaveTextAsync("Dự thảo");
        await Assertions.Expect(drafter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Quyết định: {subject}");
        await Assertions.Expect(drafter.GetByRole(AriaRole.Link, new() { Name = "Tải phiên bản 1" })).ToBeVisibleAsync();
    }
}
