using DocService.Web.Tests.Support;
using Microsoft.Playwright;

namespace DocService.Web.Tests;

/// <summary>Vietnamese first, English on request, and the same pages at phone width.</summary>
[Trait("Category", "Browser")]
public sealed class LanguageAndLayoutTests(WebApp app)
{
    [Fact]
    public async Task The_english_switch_turns_the_pages_and_the_html_language_to_english_and_back()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("ubnd.vanthu");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        await page.ScreenshotAsync("40-my-work-english");
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc của tôi");
    }

    [Fact]
    public async Task At_phone_width_the_pages_fit_without_sideways_scrolling_and_stay_accessible()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync("ubnd.chuyenvien");
        foreach (var (path, name) in new[] { ("/", "50-phone-my-work"), ("/van-ban", "51-phone-documents"), ("/van-ban/soan-thao", "52-phone-draft") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            overflow.ShouldBeFalse($"{path} scrolls sideways at 390 px");
            await page.ScreenshotAsync(name);
            await page.ShouldBeAccessibleAsync();
        }
    }

    [Fact]
    public async Task A_page_asked_for_without_a_session_sends_the_browser_to_sign_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/van-ban");
        page.Url.ShouldContain("/dang-nhap");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync("00-sign-in");
    }
}
