using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PhanHoi.Bot.Api.Tests.Browser;

/// <summary>
/// Headless Chromium (the system package, <c>/usr/bin/chromium</c>; no browser download) driven by Playwright, with
/// every console error and uncaught page error recorded so a test can assert there were none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text} at {message.Location}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Method} {request.Url} {request.Failure}");
    }

    public IPage Page { get; }

    public ConcurrentBag<string> Errors { get; } = [];

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/services.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return new BrowserSession(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot under the test output folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
