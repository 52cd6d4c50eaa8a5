using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Channels.Tests.Delivery;

public sealed class RenderingTests
{
    private static Activity WithButtons(string text, int count, string titlePrefix = "Lựa chọn số ") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        SuggestedActions = new SuggestedActions { Actions = [.. Enumerable.Range(1, count).Select(i => CardAction.ImBack($"{titlePrefix}{i}", $"{titlePrefix}{i}"))] },
    };

    [Fact]
    public void Messenger_shows_at_most_13_quick_replies_with_titles_of_20_characters_and_the_value_as_payload()
    {
        var bodies = MessengerMessageRenderer.Render("psid", [WithButtons("Chọn lĩnh vực", 15, "Lĩnh vực rất dài tên số ")], isReply: true);

        var body = JsonNode.Parse(Assert.Single(bodies))!;
        Assert.Equal("psid", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("RESPONSE", body["messaging_type"]!.GetValue<string>());
        var replies = body["message"]!["quick_replies"]!.AsArray();
        Assert.Equal(13, replies.Count);
        Assert.All(replies, r => Assert.True(r!["title"]!.GetValue<string>().Length <= 20));
        Assert.Equal("Lĩnh vực rất dài tên số 1", replies[0]!["payload"]!.GetValue<string>());
        // the two that do not fit are listed in the text so the citizen can type them
        Assert.Contains("Lĩnh vực rất dài tên số 15", body["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Messenger_notices_are_updates_and_long_text_is_split_with_quick_replies_on_the_last_piece()
    {
        var text = string.Concat(Enumerable.Repeat("Kết quả giải quyết phản ánh đã được công bố. ", 70));
        var bodies = MessengerMessageRenderer.Render("psid", [WithButtons(text, 2)], isReply: false);

        Assert.Equal(2, bodies.Count);
        var first = JsonNode.Parse(bodies[0])!;
        var last = JsonNode.Parse(bodies[1])!;
        Assert.Equal("UPDATE", first["messaging_type"]!.GetValue<string>());
        Assert.True(first["message"]!["text"]!.GetValue<string>().Length <= 2000);
        Assert.Null(first["message"]!["quick_replies"]);
        Assert.Equal(2, last["message"]!["quick_replies"]!.AsArray().Count);
    }

    [Fact]
    public void Images_go_as_separate_attachment_messages_and_typing_is_not_shown()
    {
        var message = Activity.CreateMessage("Sơ đồ nơi nộp hồ sơ");
        message.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://cdn.example.vn/so-do.png" }];

        var facebook = MessengerMessageRenderer.Render("psid", [Activity.CreateTyping(), message], isReply: true);
        var zalo = ZaloMessageRenderer.Render("uid", [Activity.CreateTyping(), message]);

        Assert.Equal(2, facebook.Count);
        Assert.Equal("https://cdn.example.vn/so-do.png", JsonNode.Parse(facebook[1])!["message"]!["attachment"]!["payload"]!["url"]!.GetValue<string>());
        Assert.Equal(2, zalo.Count);
        var element = JsonNode.Parse(zalo[1])!["message"]!["attachment"]!["payload"]!["elements"]![0]!;
        Assert.Equal("image", element["media_type"]!.GetValue<string>());
        Assert.Equal("https://cdn.example.vn/so-do.png", element["url"]!.GetValue<string>());
    }

    [Fact]
    public void Zalo_shows_at_most_5_buttons_that_send_their_value_back_and_lists_the_rest()
    {
        var bodies = ZaloMessageRenderer.Render("2468458835296197922", [WithButtons("Anh/chị cần gì?", 7)]);

        var body = JsonNode.Parse(Assert.Single(bodies))!;
        Assert.Equal("2468458835296197922", body["recipient"]!["user_id"]!.GetValue<string>());
        var buttons = body["message"]!["attachment"]!["payload"]!["buttons"]!.AsArray();
        Assert.Equal(5, buttons.Count);
        Assert.All(buttons, b => Assert.Equal("oa.query.show", b!["type"]!.GetValue<string>()));
        Assert.Equal("Lựa chọn số 1", buttons[0]!["payload"]!.GetValue<string>());
        Assert.Contains("Lựa chọn số 7", body["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Zalo_text_is_split_at_2000_characters()
    {
        var text = string.Concat(Enumerable.Repeat("Hồ sơ cấp lại căn cước cần bản khai và ảnh chân dung. ", 90));

        var bodies = ZaloMessageRenderer.Render("uid", [Activity.CreateMessage(text)]);

        Assert.True(bodies.Count >= 3);
        Assert.All(bodies, b => Assert.True(JsonNode.Parse(b)!["message"]!["text"]!.GetValue<string>().Length <= 2000));
    }
}
