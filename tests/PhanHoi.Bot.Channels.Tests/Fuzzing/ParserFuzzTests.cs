using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Fuzzing;

namespace PhanHoi.Bot.Channels.Tests.Fuzzing;

/// <summary>
/// 18,000 hostile bodies through the two webhook parsers and the activity deserialiser, as the endpoints call them:
/// any JSON the parser receives yields events or nothing, never an exception; anything that is not JSON, or not an
/// activity, is a <see cref="JsonException"/> (the endpoints' 400) and nothing else. Every event that comes out
/// names its message, its citizen and its channel, and can be stored in the durable inbox.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Inputs = 6_000;

    [Fact]
    public async Task Zalo_parser_survives_hostile_bodies()
    {
        var parsed = 0;
        var report = await FuzzRun.RunAsync(20260601, Inputs, FuzzSeeds.Zalo(), body =>
        {
            if (TryParse(body) is { } document)
            {
                using (document)
                {
                    CheckEvents(ZaloEventParser.Parse(document.RootElement), ZaloEventParser.Channel);
                    Interlocked.Increment(ref parsed);
                }
            }

            return Task.CompletedTask;
        });

        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.True(parsed > Inputs / 3, $"only {parsed} bodies reached the parser: the generator breaks too much");
    }

    [Fact]
    public async Task Messenger_parser_survives_hostile_bodies()
    {
        var parsed = 0;
        var report = await FuzzRun.RunAsync(20260602, Inputs, FuzzSeeds.Messenger(), body =>
        {
            if (TryParse(body) is { } document)
            {
                using (document)
                {
                    CheckEvents(MessengerEventParser.Parse(document.RootElement, "GET_STARTED"), MessengerEventParser.Channel);
                    Interlocked.Increment(ref parsed);
                }
            }

            return Task.CompletedTask;
        });

        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.True(parsed > Inputs / 3, $"only {parsed} bodies reached the parser: the generator breaks too much");
    }

    [Fact]
    public async Task Activity_deserialiser_refuses_hostile_bodies_with_a_json_error_only()
    {
        var read = 0;
        var report = await FuzzRun.RunAsync(20260603, Inputs, FuzzSeeds.Activities("http://127.0.0.1:3978/"), body =>
        {
            Activity? activity;
            try
            {
                activity = JsonSerializer.Deserialize(body, ActivityJsonContext.Default.Activity);
            }
            catch (JsonException)
            {
                return Task.CompletedTask; // the endpoint's 400
            }

            if (activity is not null)
            {
                _ = activity.Text?.Normalize(System.Text.NormalizationForm.FormC); // what intake does first with the text
                Interlocked.Increment(ref read);
            }

            return Task.CompletedTask;
        });

        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.True(read > Inputs / 8, $"only {read} bodies deserialised: the generator breaks too much");
    }

    private static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null; // the endpoint answers 400 before any parser runs
        }
    }

    private static void CheckEvents(ParsedWebhook parsed, string channel)
    {
        foreach (var inbound in parsed.Events)
        {
            if (string.IsNullOrEmpty(inbound.MessageId) || string.IsNullOrEmpty(inbound.UserId))
            {
                throw new InvalidOperationException("An event without a message id or a citizen came out of the parser.");
            }

            if (inbound.Activity.ChannelId != channel || inbound.Activity.From?.Id != inbound.UserId)
            {
                throw new InvalidOperationException($"An event came out addressed to '{inbound.Activity.ChannelId}'/'{inbound.Activity.From?.Id}'.");
            }

            _ = InboxEnvelope.ForActivity(inbound.Activity).Serialize(); // what the webhook stores before acknowledging
        }
    }
}
