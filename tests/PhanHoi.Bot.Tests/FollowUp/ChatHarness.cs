using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Intake;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Tests.FollowUp;

/// <summary>One web chat citizen talking to the bot as AddBotCore wires it, over a fake case desk, with a clock.</summary>
public sealed class ChatHarness : IDisposable
{
    public const string User = "u1";

    public ChatHarness()
    {
        Desk.Now = Time.GetUtcNow();
        Services = BotServices.Build(Desk, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));

    public FakeCaseDesk Desk { get; } = new();

    public ServiceProvider Services { get; }

    public RecordingSender Sender { get; } = new();

    public RecordingChannel Channel { get; } = new();

    public CitizenAddress Citizen { get; } = new("webchat", User);

    public MessageCatalog Texts => Services.GetRequiredService<MessageCatalog>();

    public string Last => Sender.Texts[^1];

    public Activity LastActivity => Sender.Sent[^1];

    public string Render(string key, params (string Name, string Value)[] values) =>
        Texts.Render(key, values.ToDictionary(v => v.Name, v => v.Value));

    public Task SayAsync(string? text) => SendAsync(Messages.From(User, text));

    /// <summary>A tapped postBack button: Web Chat sends its value as the message text.</summary>
    public Task TapAsync(CardAction button) => SayAsync(button.Value!.Value.GetString());

    public Task SendAsync(Activity activity) =>
        Services.GetRequiredService<ActivityProcessor>().ProcessAsync(activity, Sender, CancellationToken.None);

    /// <summary>Delivers a workflow notice to this citizen through the notice sender, as the outbox does.</summary>
    public async Task<Activity> NotifyAsync(Notice notice)
    {
        var result = await NoticeSender().SendAsync(Queued(notice), CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, result.Outcome);
        return Channel.Sent[^1];
    }

    /// <summary>What the outbox asks of a notice whose send was interrupted: does the citizen's chat show it already?</summary>
    public Task<bool> WasShownAsync(Notice notice) => NoticeSender().WasShownAsync(Queued(notice), CancellationToken.None);

    private ChannelNoticeSender NoticeSender() =>
        new(Services.GetRequiredService<NoticeRenderer>(), [Channel], Services.GetRequiredService<BotState<UserData>>());

    private OutboxMessage Queued(Notice notice) =>
        new(1, Guid.NewGuid(), Citizen, notice, Time.GetUtcNow(), OutboxStatus.Pending, 0, Time.GetUtcNow(), null);

    public static Activity ShareInfo(string? name, string? phone)
    {
        var activity = Messages.From(User, null);
        activity.Type = ActivityTypes.Event;
        activity.Name = SharedInfo.EventName;
        activity.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["name"] = name, ["phone"] = phone });
        return activity;
    }

    public void Dispose() => Services.Dispose();

    public sealed class RecordingChannel : IProactiveChannel
    {
        public List<Activity> Sent { get; } = [];

        public string Channel => "webchat";

        public Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            Sent.AddRange(activities);
            return Task.FromResult(SendResult.Sent);
        }

        /// <summary>When the last <see cref="WasShownAsync"/> asked to look from.</summary>
        public DateTimeOffset? AskedSince { get; private set; }

        public Task<bool> WasShownAsync(
            CitizenAddress recipient, IReadOnlyList<Activity> activities, DateTimeOffset since, CancellationToken cancellationToken)
        {
            AskedSince = since;
            return Task.FromResult(activities.All(a => Sent.Any(s => s.Text == a.Text)));
        }
    }
}

public static class ButtonExtensions
{
    public static CardAction Button(this Activity activity, string title) =>
        Assert.Single(activity.SuggestedActions!.Actions, a => a.Title == title);

    public static string[] Titles(this Activity activity) =>
        [.. activity.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty) ?? []];
}
