using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PhanHoi.Bot.Api.Tests.Browser;

/// <summary>
/// The page at <c>/</c> in a real browser against the real host on a real port: a citizen files a PAKN by clicking
/// the bot's buttons and typing, gets a tracking code, and sees the notice when reception accepts the case.
/// </summary>
public sealed partial class WebChatPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // A valid 1×1 PNG, so the uploaded photo renders in the transcript.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private ApiHost host = null!;
    private BrowserSession browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApiHost.StartOnKestrelAsync(Store.Sqlite);
        browser = await BrowserSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        host.Dispose();
    }

    [Fact]
    public async Task A_citizen_files_a_PAKN_in_Web_Chat_and_sees_reception_accept_it()
    {
        try
        {
            await FileAndFollowAsync();
        }
        catch
        {
            output.WriteLine($"failure screenshot {await browser.ScreenshotAsync("webchat-failure")}");
            output.WriteLine(string.Join(Environment.NewLine, browser.Errors));
            output.WriteLine("transcript:");
            foreach (var bubble in await browser.Page.Locator(".webchat__bubble").AllAsync())
            {
                var side = await bubble.GetAttributeAsync("class") is { } css && css.Contains("from-user", StringComparison.Ordinal) ? "citizen" : "bot";
                output.WriteLine($"  {side}: {(await bubble.InnerTextAsync()).ReplaceLineEndings(" ")}");
            }

            output.WriteLine($"suggested actions shown: {string.Join(" | ", await browser.Page.Locator(".webchat__suggested-action").AllInnerTextsAsync())}");
            output.WriteLine("host warnings and errors:");
            foreach (var line in host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)))
            {
                output.WriteLine("  " + line);
            }

            throw;
        }
    }

    private async Task FileAndFollowAsync()
    {
        var page = browser.Page;
        await page.GotoAsync(host.RootUri.ToString());

        Assert.Contains("Phản hồi Thanh Hóa", await page.TitleAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phản hồi Thanh Hóa" }));
        await Expect(page.GetByText("Khiếu nại, tố cáo"));
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await Expect(sendBox);
        Assert.Equal("Nhập tin nhắn của bạn", await sendBox.GetAttributeAsync("placeholder")); // Web Chat's vi-VN strings

        await BotSaysAsync("Xin chào Ông/Bà");
        await TypeAsync("xin chào");
        await ClickAsync("Gửi phản ánh");
        await BotSaysAsync("Mời Ông/Bà gửi phản ánh");
        await page.Locator(".webchat__suggested-action").First.ClickAsync(); // the first category
        await TypeAsync("Đường Lê Lai đoạn trước trường tiểu học có nhiều ổ gà sâu, trời mưa đọng nước, học sinh đi lại rất nguy hiểm.");
        await BotSaysAsync("ảnh, tệp hoặc vị trí");

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "o-ga.png", MimeType = "image/png", Buffer = Photo });
        await Expect(page.Locator("img[src*='/v3/directline/attachments/']"));
        await BotSaysAsync("gửi thêm ảnh");
        await ClickAsync("Xong");
        await BotSaysAsync("họ và tên");
        await TypeAsync("Nguyễn Văn An");
        await BotSaysAsync("số điện thoại");
        await TypeAsync("0912 345 678");
        await ClickThroughYesNoAsync();
        await ClickAsync("Gửi");

        var filed = await BotSaysAsync("Mã tra cứu");
        var code = TrackingCode().Match(filed).Value;
        output.WriteLine($"tracking code {code}");
        Assert.NotEmpty(code);

        using var staff = new HttpClient { BaseAddress = host.RootUri };
        var login = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = "tiepnhan", password = ApiHost.DemoPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var accept = await staff.PostAsJsonAsync($"/api/v1/cases/{code}/accept", new { agencyCode = "SXD" });
        Assert.True(accept.IsSuccessStatusCode, await accept.Content.ReadAsStringAsync());

        var notice = await BotSaysAsync("đã được chuyển đến");
        Assert.Contains(code, notice, StringComparison.Ordinal);

        var screenshot = await browser.ScreenshotAsync("webchat-intake-accepted");
        output.WriteLine($"screenshot {screenshot}");
        Assert.True(browser.Errors.IsEmpty, string.Join(Environment.NewLine, browser.Errors));
    }

    /// <summary>Tax code? proxy? — "Không" to each yes/no question until the summary asks to send.</summary>
    private async Task ClickThroughYesNoAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await Button("Gửi").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The summary with its send button never came.");
            if (await Button("Không").CountAsync() > 0)
            {
                await ClickAsync("Không");
            }
            else
            {
                await Task.Delay(100);
            }
        }
    }

    private ILocator Button(string title) =>
        browser.Page.Locator(".webchat__suggested-action").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(title)}\\s*$") }).Last;

    private async Task ClickAsync(string title)
    {
        var button = Button(title);
        await button.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        var before = await BotMessageCountAsync();
        await button.ClickAsync();
        await WaitForMoreBotMessagesAsync(before);
    }

    private async Task TypeAsync(string text)
    {
        var box = browser.Page.Locator("[data-id='webchat-sendbox-input']");
        var before = await BotMessageCountAsync();
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await WaitForMoreBotMessagesAsync(before);
    }

    /// <summary>Waits for a bot message containing <paramref name="fragment"/> and returns its text.</summary>
    private async Task<string> BotSaysAsync(string fragment)
    {
        var message = browser.Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = fragment }).Last;
        await message.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        return await message.InnerTextAsync();
    }

    private Task<int> BotMessageCountAsync() =>
        browser.Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync();

    private async Task WaitForMoreBotMessagesAsync(int before)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await BotMessageCountAsync() <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, "The bot did not answer in time.");
            await Task.Delay(100);
        }
    }

    private static Task Expect(ILocator locator) => locator.First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

    [GeneratedRegex("TH-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex TrackingCode();
}
