using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>Strict reading of what a citizen's chat shows: exactly these messages, in this order, nothing in between.</summary>
public static class ConversationScript
{
    /// <summary>The next messages must have these texts (null: any text; a list of extra choices may follow); returns them.</summary>
    public static async Task<IReadOnlyList<JsonNode>> ExpectSequenceAsync(this FakePlatforms platforms, string user, params string?[] texts)
    {
        var messages = new List<JsonNode>();
        foreach (var expected in texts)
        {
            var message = await platforms.NextAsync(user);
            var text = FakePlatforms.Text(message);
            if (expected is not null && !(text?.StartsWith(expected + "\n", StringComparison.Ordinal) ?? false))
            {
                // choices beyond the platform's button limit are listed under the question
                Assert.Equal(expected, text);
            }

            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Nothing more arrives for <paramref name="user"/> within <paramref name="quiet"/>.</summary>
    public static async Task ExpectQuietAsync(this FakePlatforms platforms, string user, TimeSpan? quiet = null)
    {
        await Task.Delay(quiet ?? TimeSpan.FromSeconds(1));
        var extra = platforms.Drain(user);
        Assert.True(extra.Count == 0, "Unexpected: " + string.Join(" | ", extra.Select(FakePlatforms.Text)));
    }

    /// <summary>Zalo buttons: <c>message.attachment.payload.buttons[].payload</c>.</summary>
    public static IReadOnlyList<(string Title, string Payload)> ZaloButtons(JsonNode message) =>
        [.. (message["attachment"]?["payload"]?["buttons"]?.AsArray() ?? [])
            .Select(b => (b!["title"]!.GetValue<string>(), b["payload"]!.GetValue<string>()))];

    /// <summary>Messenger quick replies: <c>message.quick_replies[]</c>.</summary>
    public static IReadOnlyList<(string Title, string Payload)> QuickReplies(JsonNode message) =>
        [.. (message["quick_replies"]?.AsArray() ?? []).Select(b => (b!["title"]!.GetValue<string>(), b["payload"]!.GetValue<string>()))];
}
