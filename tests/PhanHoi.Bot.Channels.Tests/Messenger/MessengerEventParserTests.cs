using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Messenger;

namespace PhanHoi.Bot.Channels.Tests.Messenger;

/// <summary>Payload shapes from platforms/messenger.md §A3.</summary>
public sealed class MessengerEventParserTests
{
    private const string Page = "109876543210987";
    private const string Psid = "24681357924680135";

    private static Channels.Inbound.ParsedWebhook Parse(string messaging)
    {
        using var document = JsonDocument.Parse($$"""{"object":"page","entry":[{"id":"{{Page}}","time":1735689600123,"messaging":[{{messaging}}]}]}""");
        return MessengerEventParser.Parse(document.RootElement, "GET_STARTED");
    }

    private static string Item(string body, string sender = Psid) =>
        $$"""{"sender":{"id":"{{sender}}"},"recipient":{"id":"{{Page}}"},"timestamp":1735689599871,{{body}}}""";

    [Fact]
    public void Text_becomes_a_message_with_the_mid_as_id()
    {
        var activity = Assert.Single(Parse(Item("""  "message":{"mid":"m_Q2xp","text":"Tôi muốn đặt lịch"}  """)).Events).Activity;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("facebook", activity.ChannelId);
        Assert.Equal("m_Q2xp", activity.Id);
        Assert.Equal(Psid, activity.From!.Id);
        Assert.Equal(Psid, activity.Conversation!.Id);
        Assert.Equal(Page, activity.Recipient!.Id);
        Assert.Equal("Tôi muốn đặt lịch", activity.Text);
    }

    [Fact]
    public void Batched_entries_and_events_keep_their_order()
    {
        using var document = JsonDocument.Parse($$"""
            {"object":"page","entry":[
              {"id":"{{Page}}","time":1,"messaging":[{{Item("\"message\":{\"mid\":\"m_1\",\"text\":\"một\"}")}},{{Item("\"delivery\":{\"mids\":[\"m_x\"],\"watermark\":1}")}},{{Item("\"message\":{\"mid\":\"m_2\",\"text\":\"hai\"}")}}]},
              {"id":"{{Page}}","time":2,"messaging":[{{Item("\"read\":{\"watermark\":1}")}},{{Item("\"message\":{\"mid\":\"m_3\",\"text\":\"ba\"}", "999")}}]}]}
            """);

        var parsed = MessengerEventParser.Parse(document.RootElement, "GET_STARTED");

        Assert.Equal(["m_1", "m_2", "m_3"], parsed.Events.Select(e => e.MessageId));
        Assert.Equal(["một", "hai", "ba"], parsed.Events.Select(e => e.Activity.Text));
        Assert.Equal("999", parsed.Events[2].UserId);
        Assert.Equal(2, parsed.Ignored);
    }

    [Fact]
    public void Quick_reply_payload_is_the_value_and_the_text()
    {
        var activity = Assert.Single(Parse(Item("""  "message":{"mid":"m_QR","text":"Phản ánh của…","quick_reply":{"payload":"Phản ánh của tôi và gia đình"}}  """)).Events).Activity;

        Assert.Equal("Phản ánh của tôi và gia đình", activity.GetButtonPayload());
        Assert.Equal("Phản ánh của tôi và gia đình", activity.Text);
    }

    [Fact]
    public void Postback_carries_its_payload_and_get_started_is_a_conversation_update()
    {
        var parsed = Parse(string.Join(',',
            Item("""  "postback":{"mid":"m_PB1","title":"Tra cứu","payload":"LOOKUP"}  """),
            Item("""  "postback":{"mid":"m_PB2","title":"Bắt đầu","payload":"GET_STARTED","referral":{"ref":"tet","source":"SHORTLINK","type":"OPEN_THREAD"}}  """)));

        var postback = parsed.Events[0].Activity;
        Assert.Equal(ActivityTypes.Message, postback.Type);
        Assert.Equal("LOOKUP", postback.GetButtonPayload());
        Assert.Equal("LOOKUP", postback.Text);
        var start = parsed.Events[1].Activity;
        Assert.Equal(ActivityTypes.ConversationUpdate, start.Type);
        Assert.Equal(Psid, Assert.Single(start.MembersAdded!).Id);
    }

    [Fact]
    public void Attachments_and_legacy_location_are_mapped()
    {
        var parsed = Parse(string.Join(',',
            Item("""  "message":{"mid":"m_A","attachments":[{"type":"image","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"}},{"type":"file","payload":{"url":"https://cdn.fbsbx.com/v/don.pdf"}}]}  """),
            Item("""  "message":{"mid":"m_L","attachments":[{"type":"location","title":"Chợ","payload":{"coordinates":{"lat":19.8,"long":105.78}}}]}  """)));

        var media = parsed.Events[0].Activity.Attachments!;
        Assert.Equal(["image/*", "application/pdf"], media.Select(a => a.ContentType));
        var location = parsed.Events[1].Activity.GetLocation();
        Assert.Equal(19.8, location!.Value.Latitude, 6);
        Assert.Equal(105.78, location.Value.Longitude, 6);
    }

    [Fact]
    public void Echoes_deliveries_and_reads_are_ignored_and_unknown_kinds_reported()
    {
        var parsed = Parse(string.Join(',',
            Item("""  "message":{"is_echo":true,"app_id":1517776481860111,"mid":"m_E","text":"Bạn muốn ngày nào?"}  """, Page),
            Item("""  "delivery":{"mids":["m_E"],"watermark":1735689801000}  """),
            Item("""  "read":{"watermark":1735689801000}  """),
            Item("""  "game_play":{"game_id":"1"}  """)));

        Assert.Empty(parsed.Events);
        Assert.Equal(3, parsed.Ignored);
        Assert.Equal(["game_play"], parsed.Unknown);
    }
}
