using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Storage;
using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// The inbox worker through the real host: a citizen whose replies are slow to send does not hold back anyone else,
/// and one citizen's messages, sent without waiting for the answers, are still answered one turn at a time, in order;
/// a stored message no one can decrypt does not stall the citizen's conversation.
/// </summary>
public abstract class ZaloInboxDispatchTests(Store store, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private const string Slow = "3100000000000000001";
    private const string Quick = "3100000000000000002";
    private ChannelHost channel = null!;

    private FakePlatforms Zalo => channel.Platforms;

    public async Task InitializeAsync() => channel = await ChannelHost.StartAsync(store, settings);

    public async Task DisposeAsync() => await channel.DisposeAsync();

    private static void Ok(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);

    [Fact]
    public async Task A_citizen_whose_reply_is_slow_to_send_does_not_hold_back_another_citizens_turns()
    {
        Zalo.SlowDown(Slow, TimeSpan.FromSeconds(6));
        Ok(await channel.ZaloTextAsync(Slow, "Xin chào"));

        Ok(await channel.ZaloTextAsync(Quick, "Xin chào"));
        await Zalo.ExpectSequenceAsync(Quick, channel.Text("menu.ask"));
        Ok(await channel.ZaloTextAsync(Quick, "Gửi phản ánh"));
        await Zalo.ExpectSequenceAsync(Quick, channel.Text("intake.start"), channel.Text("intake.category.ask"));
        Ok(await channel.ZaloTextAsync(Quick, "hủy"));
        await Zalo.ExpectSequenceAsync(Quick, channel.Text("global.cancelled"));

        Assert.Empty(Zalo.Drain(Slow)); // its first reply is still being sent
        await Zalo.ExpectSequenceAsync(Slow, channel.Text("menu.ask"));
        await Zalo.ExpectQuietAsync(Slow);
        await Zalo.ExpectQuietAsync(Quick, TimeSpan.Zero);
    }

    [Fact]
    public async Task A_stored_message_that_cannot_be_decrypted_is_set_aside_and_what_the_citizen_sends_next_is_answered()
    {
        var services = channel.Host.Services;
        var otherKey = new AesGcmPersonalDataProtector(RandomNumberGenerator.GetBytes(32)); // e.g. stored before a key change
        IInboxStore underOtherKey = services.GetRequiredService<IInboxStore>() switch
        {
            RedisInboxStore => new RedisInboxStore(
                services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<RedisKeys>(), otherKey, new InboxOptions()),
            _ => new SqlInboxStore(services.GetRequiredService<StoreDatabase>(), otherKey),
        };
        await underOtherKey.AppendAsync("zalo", "stored-under-another-key", "zalo:" + Quick, "{}", channel.Host.Clock.GetUtcNow(), CancellationToken.None);

        Ok(await channel.ZaloTextAsync(Quick, "Xin chào"));

        await Zalo.ExpectSequenceAsync(Quick, channel.Text("menu.ask"));
        await Zalo.ExpectQuietAsync(Quick);
        Assert.Single(channel.Host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("set aside", StringComparison.Ordinal));
        Assert.Equal(0, await services.GetRequiredService<IInboxStore>().CountPendingAsync(CancellationToken.None));
        var ready = await channel.Host.CreateClient().GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (ready.StatusCode, await ready.Content.ReadAsStringAsync())); // an operator sees it
    }

    [Fact]
    public async Task Messages_sent_without_waiting_are_answered_one_turn_at_a_time_in_order()
    {
        Zalo.SlowDown(Quick, TimeSpan.FromMilliseconds(300)); // each turn's delivery overlaps the next webhook
        Ok(await channel.ZaloTextAsync(Quick, "Xin chào"));
        Ok(await channel.ZaloTextAsync(Quick, "Gửi phản ánh"));
        Ok(await channel.ZaloTextAsync(Quick, "hủy"));

        await Zalo.ExpectSequenceAsync(
            Quick, channel.Text("menu.ask"), channel.Text("intake.start"), channel.Text("intake.category.ask"), channel.Text("global.cancelled"));
        await Zalo.ExpectQuietAsync(Quick);
    }
}

public sealed class ZaloInboxDispatchSqliteTests() : ZaloInboxDispatchTests(Store.Sqlite);

public sealed class ZaloInboxDispatchPostgresTests() : ZaloInboxDispatchTests(Store.Postgres);

/// <summary>The same, with the webhook inbox in the real Redis (<c>Inbox:Store=Redis</c>).</summary>
public sealed class ZaloInboxDispatchRedisTests() : ZaloInboxDispatchTests(Store.Postgres, new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = TestServers.Redis,
    ["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    ["Inbox:Store"] = "Redis",
});
