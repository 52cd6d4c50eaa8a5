using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.DirectLine;

/// <summary>The same web chat, with conversations kept in the real Redis (ConnectionStrings:Redis) and cases in PostgreSQL.</summary>
public sealed class DirectLineOnRedisTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(Store.Postgres, DateTimeOffset.UtcNow, new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = TestServers.Redis,
        ["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    });

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_conversation_kept_in_Redis_is_greeted_answered_and_paged_by_watermark()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        await browser.WaitForBotTextAsync("Xin chào Ông/Bà");

        var id = await browser.SayAsync("Trợ giúp");
        var help = await browser.WaitForBotTextAsync("tra cứu");

        Assert.StartsWith(browser.ConversationId + "|", id, StringComparison.Ordinal);
        Assert.Equal("bot", help["from"]!["role"]!.GetValue<string>());
        Assert.Empty(await browser.ReadNewAsync());
        var other = new DirectLineClient(host.CreateClient());
        await other.GenerateAsync();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.GetActivitiesAsync(null, conversationId: browser.ConversationId)).StatusCode);
    }
}
