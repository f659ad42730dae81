using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>The organ's admin keeps its directory from the pages.</summary>
[Trait("Category", "Browser")]
public sealed class AdministrationTests(WebApp app)
{
    [Fact]
    public async Task An_admin_adds_an_official_who_then_appears_in_the_organs_list()
    {
        var userName = $"ubnd.cv{Guid.NewGuid().ToString()[..6]}";
        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Cán bộ", Exact = true }).ClickAsync();
        await admin.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await admin.GetByLabel("Họ và tên").FillAsync("Ngô Thị Hạnh");
        await admin.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await admin.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Văn phòng Ủy ban nhân dân tỉnh" });
        await admin.GetByLabel("Chuyên viên", new() { Exact = true }).CheckAsync();
        await admin.ScreenshotAsync("30-add-official");
        await admin.ShouldBeAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm cán bộ" }).ClickAsync();

        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã thêm cán bộ {userName}.");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = userName });
        await Assertions.Expect(row).ToContainTextAsync("Ngô Thị Hạnh");
        await Assertions.Expect(row).ToContainTextAsync("Văn phòng Ủy ban nhân dân tỉnh");
    }

    [Fact]
    public async Task A_user_name_the_organ_already_has_is_refused_with_the_apis_reason()
    {
        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/quan-tri/can-bo");
        await admin.GetByLabel("Tên đăng nhập").FillAsync("ubnd.chutich");
        await admin.GetByLabel("Họ và tên").FillAsync("Trùng tên đăng nhập");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm cán bộ" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await admin.ShouldBeAccessibleAsync();
    }
}
