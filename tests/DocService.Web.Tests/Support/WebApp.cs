using DocService.Api.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(DocService.Web.Tests.Support.WebApp))]

namespace DocService.Web.Tests.Support;

/// <summary>
/// One running service and one headless Chromium for every browser test. The browser is Debian's <c>chromium</c>
/// (or <c>DOCSERVICE_CHROMIUM</c>); Playwright never downloads one. Without it the tests skip and say why.
/// </summary>
public sealed class WebApp : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("DOCSERVICE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? SkipReason => File.Exists(ChromiumPath)
        ? null
        : $"No Chromium at {ChromiumPath}: install Debian's chromium (scripts/install-test-deps.sh) or set DOCSERVICE_CHROMIUM.";

    /// <summary>Screenshots are kept with the test results, for people to look at.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots")).FullName;

    ServiceProcess? _service;
    IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri Address => _service?.Address ?? throw new InvalidOperationException(SkipReason ?? "The service did not start.");
    public string ServiceLog => _service?.Log ?? "";

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;
        _service = await ServiceProcess.StartAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        // The test run shares two cores with the other test assemblies running beside it: a first page (host JIT,
        // first render) can take tens of seconds there. Generous waits, not sleeps: a passing step returns at once.
        Assertions.SetDefaultExpectTimeout(60_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at the given window size, Vietnamese by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        if (_service is not null)
            await _service.DisposeAsync();
    }
}
