using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Tests.Support;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Channels.Tests.Zalo;

/// <summary>What the sender reads back from Zalo's conversation history after a crash cut a send short.</summary>
public sealed class ZaloShownMessagesTests : IDisposable
{
    private const string User = "2468458835296197931";
    private static readonly DateTimeOffset Queued = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private readonly List<(string Id, bool FromOa, string Text, DateTimeOffset At)> conversation = [];
    private readonly ZaloAccessTokens tokens;
    private readonly ZaloSender sender;

    public ZaloShownMessagesTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(TestZaloOptions.Create());
        var http = new StubHttp((_, _) => StubHttp.Json(History()));
        tokens = new ZaloAccessTokens(new InMemoryCredentialStore(), http, options, new FakeTimeProvider(), NullLogger<ZaloAccessTokens>.Instance);
        sender = new ZaloSender(
            http, tokens, options, new ZaloConversationReader(http, tokens, options, NullLogger<ZaloConversationReader>.Instance), NullLogger<ZaloSender>.Instance);
    }

    public void Dispose() => tokens.Dispose();

    [Fact]
    public async Task Of_a_turns_replies_those_the_history_shows_after_the_citizens_message_count_in_order()
    {
        var bodies = sender.Render(User, [Reply("Mời Ông/Bà chọn lĩnh vực"), Reply("Đã tiếp nhận")], isReply: true);
        conversation.AddRange([("z-1", false, "Gửi phản ánh", Queued), ("o-1", true, "Mời Ông/Bà chọn lĩnh vực", Queued)]);

        Assert.Equal(1, await sender.CountShownAfterAsync(User, "z-1", bodies, CancellationToken.None));
        Assert.Null(await sender.CountShownAfterAsync(User, "z-0", bodies, CancellationToken.None)); // not in the history

        conversation.Add(("o-2", true, "Đã tiếp nhận", Queued));
        Assert.Equal(2, await sender.CountShownAfterAsync(User, "z-1", bodies, CancellationToken.None));
    }

    [Fact]
    public async Task A_notice_is_shown_when_its_text_is_among_the_oas_recent_messages_sent_since_it_was_queued()
    {
        var notice = new Activity { Type = ActivityTypes.Message, Text = "Phản ánh TH-AAAA-0001 cần bổ sung: ảnh hiện trường" };
        var citizen = new CitizenAddress("zalo", User);

        // The same request went out once before this one was queued: that earlier copy is not this notice.
        conversation.AddRange([("o-0", true, notice.Text!, Queued.AddMinutes(-5)), ("z-1", false, "gửi", Queued.AddMinutes(-1))]);
        Assert.False(await sender.WasShownAsync(citizen, [notice], Queued, CancellationToken.None));

        conversation.AddRange([("o-2", true, notice.Text!, Queued.AddSeconds(2)), ("z-2", false, "cảm ơn", Queued.AddSeconds(30))]);
        Assert.True(await sender.WasShownAsync(citizen, [notice], Queued, CancellationToken.None));
    }

    private static Activity Reply(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private string History() => new JsonObject
    {
        ["error"] = 0,
        ["message"] = "Success",
        ["data"] = new JsonArray([.. Enumerable.Reverse(conversation).Select(m => (JsonNode)new JsonObject
        {
            ["src"] = m.FromOa ? 0 : 1,
            ["message"] = m.Text,
            ["message_id"] = m.Id,
            ["time"] = m.At.ToUnixTimeMilliseconds(),
        })]),
    }.ToJsonString();
}
