using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Tests.Activities;

public sealed class ActivityGoldenTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string GoldenDirectory => Path.Combine(AppContext.BaseDirectory, "Activities", "Golden");

    private static string Read(string name) => File.ReadAllText(Path.Combine(GoldenDirectory, name));

    private static Activity Parse(string name) =>
        JsonSerializer.Deserialize(Read(name), ActivityJsonContext.Default.Activity)!;

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Wire_json_round_trips_without_losing_or_adding_anything(string file)
    {
        var original = JsonNode.Parse(Read(file));
        var activity = Parse(file);

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity));

        Assert.True(JsonNode.DeepEquals(original, written), $"{file} changed on round-trip:\n{written}");
    }

    [Fact]
    public void Golden_set_covers_every_activity_kind_the_bot_handles()
    {
        Assert.True(Directory.GetFiles(GoldenDirectory, "*.json").Length >= 8);
    }

    [Fact]
    public void Message_fields_are_read_with_wire_names()
    {
        var activity = Parse("message.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("Haircut on Saturday", activity.Text);
        Assert.Equal("1234abcd", activity.From!.Id);
        Assert.Equal("abcd1234", activity.Conversation!.Id);
        Assert.Equal(new DateTimeOffset(2016, 10, 19, 20, 17, 52, TimeSpan.Zero).AddTicks(2891902), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Null(activity.ExtensionData);
    }

    [Fact]
    public void Attachments_keep_url_and_card_content()
    {
        var activity = Parse("message-attachments.json");

        Assert.Equal(2, activity.Attachments!.Count);
        Assert.Equal("image/jpeg", activity.Attachments[0].ContentType);
        Assert.Equal("https://cdn.example.test/a.jpg", activity.Attachments[0].ContentUrl);
        Assert.Null(activity.Attachments[0].Content);
        Assert.Equal("Thẻ", activity.Attachments[1].Content!.Value.GetProperty("title").GetString());
        Assert.Equal("m_7a1f", activity.ChannelData!.Value.GetProperty("message").GetProperty("mid").GetString());
        Assert.Equal(AttachmentLayoutTypes.Carousel, activity.AttachmentLayout);
    }

    [Fact]
    public void Suggested_actions_keep_string_and_object_values()
    {
        var activity = Parse("message-suggested-actions.json");

        var actions = activity.SuggestedActions!.Actions;
        Assert.Equal(["dl_user"], activity.SuggestedActions.To!);
        Assert.Equal(ActionTypes.ImBack, actions[0].Type);
        Assert.Equal("Gửi phản ánh", actions[0].Value!.Value.GetString());
        Assert.Equal("lookup", actions[1].Value!.Value.GetProperty("intent").GetString());
        Assert.Equal("Trợ giúp", actions[2].DisplayText);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
    }

    [Fact]
    public void Conversation_update_lists_members_added_and_removed()
    {
        var activity = Parse("conversation-update.json");

        Assert.True(activity.IsType(ActivityTypes.ConversationUpdate));
        Assert.Equal(["bot", "user-1"], activity.MembersAdded!.Select(m => m.Id));
        Assert.Equal("user-0", activity.MembersRemoved!.Single().Id);
        Assert.False(activity.Conversation!.IsGroup);
        Assert.Equal("t1", activity.Conversation.TenantId);
    }

    [Fact]
    public void Event_carries_name_value_and_relates_to()
    {
        var activity = Parse("event.json");

        Assert.Equal("facebook/referral", activity.Name);
        Assert.Equal("qr-poster-12", activity.Value!.Value.GetProperty("ref").GetString());
        Assert.Equal("c0", activity.RelatesTo!.Conversation!.Id);
    }

    [Fact]
    public void Typing_and_end_of_conversation_are_recognised()
    {
        Assert.True(Parse("typing.json").IsType(ActivityTypes.Typing));
        var end = Parse("end-of-conversation.json");
        Assert.True(end.IsType(ActivityTypes.EndOfConversation));
        Assert.Equal(EndOfConversationCodes.CompletedSuccessfully, end.Code);
    }

    [Fact]
    public void Location_is_read_from_geo_coordinates_entity_first()
    {
        var activity = Parse("message-location.json");

        var location = activity.GetLocation();

        Assert.NotNull(location);
        Assert.Equal(19.8067, location.Value.Latitude);
        Assert.Equal(105.7852, location.Value.Longitude);
        Assert.Equal("Quảng trường Lam Sơn", location.Value.Name);
    }

    [Fact]
    public void Location_is_read_from_place_geo_with_its_address()
    {
        var place = Parse("message-location.json").Entities!.Single(e => e.Type == EntityTypes.Place);

        Assert.True(place.TryGetGeoCoordinates(out var location));
        Assert.Equal(19.8, location.Latitude);
        Assert.Equal("Số 1 Lê Lợi, Thanh Hóa", location.Name);
    }

    [Fact]
    public void Unknown_properties_are_preserved_at_every_level()
    {
        var activity = Parse("webchat-unknown-fields.json");

        Assert.True(activity.ExtensionData!.ContainsKey("textHighlights"));
        Assert.True(activity.ExtensionData.ContainsKey("semanticAction"));
        Assert.Equal(1, activity.From!.ExtensionData!["futureField"].GetInt32());
        Assert.Equal("16780000000001abcd", activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public void Nulls_are_omitted_and_names_are_camel_case()
    {
        var json = JsonSerializer.Serialize(Activity.CreateMessage("chào"), ActivityJsonContext.Default.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"message","text":"chào"}"""), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void Reply_is_addressed_back_to_the_sender_and_references_the_message()
    {
        var incoming = Parse("message.json");

        var reply = incoming.CreateReply("ok");

        Assert.Equal("1234abcd", reply.Recipient!.Id);
        Assert.Equal("12345678", reply.From!.Id);
        Assert.Equal("bf3cc9a2f5de", reply.ReplyToId);
        Assert.Equal("abcd1234", reply.Conversation!.Id);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
    }

    [Fact]
    public void Conversation_reference_round_trips_into_an_outgoing_activity()
    {
        var incoming = Parse("message.json");
        var reference = incoming.GetConversationReference();

        var outgoing = Activity.CreateMessage("thông báo").ApplyConversationReference(reference);
        var continuation = reference.GetContinuationActivity();

        Assert.Equal("1234abcd", outgoing.Recipient!.Id);
        Assert.Equal("12345678", outgoing.From!.Id);
        Assert.Equal("bf3cc9a2f5de", outgoing.ReplyToId);
        Assert.Equal("channel's name/id", outgoing.ChannelId);
        Assert.Equal("1234abcd", continuation.From!.Id);
        Assert.Equal(ActivityTypes.Event, continuation.Type);
    }
}
