using System.Text;
using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Channels.Tests.Zalo;

/// <summary>Payload shapes from platforms/zalo.md §2.3.</summary>
public sealed class ZaloEventParserTests
{
    private const string Envelope = """
        "app_id":"3608465248940903967","user_id_by_app":"552177279717587730","timestamp":"1700000000123",
        "sender":{"id":"2468458835296197922"},"recipient":{"id":"388613280878808645"}
        """;

    private static string Z(string eventName, string rest) => "{" + Envelope + ",\"event_name\":\"" + eventName + "\"," + rest + "}";

    private static Activity Single(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parsed = ZaloEventParser.Parse(document.RootElement);
        return Assert.Single(parsed.Events).Activity;
    }

    [Fact]
    public void Text_becomes_a_message_from_the_citizen_in_their_own_conversation()
    {
        var activity = Single(Z("user_send_text", """ "message":{"msg_id":"96d3cdf3af150460909","text":"Cho tôi hỏi thủ tục cấp lại CCCD"}"""));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("zalo", activity.ChannelId);
        Assert.Equal("96d3cdf3af150460909", activity.Id);
        Assert.Equal("2468458835296197922", activity.From!.Id);
        Assert.Equal("2468458835296197922", activity.Conversation!.Id);
        Assert.Equal("388613280878808645", activity.Recipient!.Id);
        Assert.Equal("Cho tôi hỏi thủ tục cấp lại CCCD", activity.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), activity.Timestamp);
    }

    [Fact]
    public void Decomposed_vietnamese_is_nfc_normalised()
    {
        var activity = Single(Z("user_send_text", """ "message":{"msg_id":"m1","text":"Xin cha\u0300o"}"""));

        Assert.Equal("Xin chào", activity.Text);
        Assert.True(activity.Text!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Image_and_file_become_attachments_with_mime_types()
    {
        var image = Single(Z("user_send_image", """ "message":{"msg_id":"a1","text":"Ảnh giấy hẹn","attachments":[{"type":"image","payload":{"thumbnail":"https://s.zdn.vn/t.jpg","url":"https://s.zdn.vn/i.jpg"}}]}"""));
        var file = Single(Z("user_send_file", """ "message":{"msg_id":"a2","attachments":[{"type":"file","payload":{"url":"https://f.zdn.vn/x","name":"don-de-nghi.docx","size":"233947","checksum":"db8f","type":"docx"}}]}"""));

        var picture = Assert.Single(image.Attachments!);
        Assert.Equal("https://s.zdn.vn/i.jpg", picture.ContentUrl);
        Assert.StartsWith("image/", picture.ContentType, StringComparison.Ordinal);
        Assert.Equal("Ảnh giấy hẹn", image.Text);
        var document = Assert.Single(file.Attachments!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.ContentType);
        Assert.Equal("don-de-nghi.docx", document.Name);
    }

    [Fact]
    public void Location_with_string_coordinates_becomes_a_geo_entity()
    {
        var activity = Single(Z("user_send_location", """ "message":{"msg_id":"l1","text":"Chợ Vườn Hoa","attachments":[{"type":"location","payload":{"coordinates":{"latitude":"19.8066","longitude":"105.7852"}}}]}"""));

        var location = activity.GetLocation();
        Assert.NotNull(location);
        Assert.Equal(19.8066, location.Value.Latitude, 6);
        Assert.Equal(105.7852, location.Value.Longitude, 6);
        Assert.Equal("Chợ Vườn Hoa", location.Value.Name);
        Assert.Equal(EntityTypes.GeoCoordinates, Assert.Single(activity.Entities!).Type);
        Assert.Null(activity.Text);
    }

    [Fact]
    public void Follow_and_unfollow_become_conversation_updates()
    {
        var follow = Single("""{"app_id":"1","oa_id":"388613280878808645","follower":{"id":"2468458835296197922"},"user_id_by_app":"5","event_name":"follow","source":"oa_profile","timestamp":"1700000000789"}""");
        var unfollow = Single("""{"app_id":"1","oa_id":"388613280878808645","follower":{"id":"2468458835296197922"},"user_id_by_app":"5","event_name":"unfollow","timestamp":"1700000000999"}""");

        Assert.Equal(ActivityTypes.ConversationUpdate, follow.Type);
        Assert.Equal("2468458835296197922", Assert.Single(follow.MembersAdded!).Id);
        Assert.Equal("2468458835296197922", Assert.Single(unfollow.MembersRemoved!).Id);
        Assert.NotEqual(follow.Id, unfollow.Id);
    }

    [Theory]
    [InlineData("""{"name":"Nguyễn Văn A","phone":"84912345678","address":"12 Lê Lợi","ward":"Phường Hạc Thành","district":"","city":"Thanh Hóa"}""")]
    [InlineData("""{"name":"Nguyễn Văn A","phone":"84912345678","user_dob":"01/01/1990","gender":"male","full_address":{"user_city":"Thanh Hóa","user_ward":"Hạc Thành","user_address":"12 Lê Lợi"}}""")]
    public void Submitted_info_in_either_shape_becomes_a_shareInfo_event(string info)
    {
        var activity = Single("""{"app_id":"1","event_name":"user_submit_info","timestamp":"1700000001000","sender":{"id":"2468458835296197922"},"recipient":{"id":"388613280878808645"},"user_id_by_app":"5","info":""" + info + "}");

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal(SharedInfo.EventName, activity.Name);
        Assert.Equal("Nguyễn Văn A", SharedInfo.From(activity)!.Name);
        Assert.Equal("+84912345678", SharedInfo.From(activity)!.Phone);
        Assert.Equal("user_submit_info:2468458835296197922:1700000001000", activity.Id);
    }

    [Theory]
    [InlineData("oa_send_text")]
    [InlineData("oa_send_image")]
    [InlineData("user_received_message")]
    [InlineData("user_seen_message")]
    public void Echoes_and_receipts_are_ignored(string eventName)
    {
        using var document = JsonDocument.Parse("""{"app_id":"1","event_name":"EVENT","timestamp":"1","sender":{"id":"oa"},"recipient":{"id":"u"},"message":{"msg_id":"x","text":"Bạn muốn ngày nào?"}}""".Replace("EVENT", eventName, StringComparison.Ordinal));

        var parsed = ZaloEventParser.Parse(document.RootElement);

        Assert.Empty(parsed.Events);
        Assert.Equal(1, parsed.Ignored);
        Assert.Empty(parsed.Unknown);
    }

    [Fact]
    public void Unknown_events_are_reported_by_name_only()
    {
        using var document = JsonDocument.Parse("""{"app_id":"1","event_name":"user_click_chatnow","timestamp":"1","user_id_by_app":"5"}""");

        var parsed = ZaloEventParser.Parse(document.RootElement);

        Assert.Empty(parsed.Events);
        Assert.Equal(["user_click_chatnow"], parsed.Unknown);
    }
}
