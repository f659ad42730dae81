using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DocService.Web.Tests.Support;

/// <summary>What a person does on any page: sign in, look (a screenshot kept with the results), and the axe-core check.</summary>
public static class Pages
{
    /// <summary>Signs in on the development sign-in page by picking the demo official, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, string userName)
    {
        await page.GotoAsync("/dang-nhap");
        await page.Locator($"button[name=user][value='{userName}']").ClickAsync();
        // Wait for the redirect itself, not the next page's load event: the steps after it wait for what they need,
        // and a load event held up on a busy machine made this step time out twice in CI.
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"), new() { WaitUntil = WaitUntilState.Commit });
    }

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebApp.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>axe-core's WCAG 2.1 A/AA rules on the page as it is now: labels, names, contrast, landmarks, language.</summary>
    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        result.Violations.ShouldBeEmpty($"axe-core on {page.Url}:\n{string.Join("\n", problems)}");
    }

    /// <summary>The document's status badge, in the words the page shows it.</summary>
    public static ILocator Status(this IPage page) => page.GetByTestId("status");
}
