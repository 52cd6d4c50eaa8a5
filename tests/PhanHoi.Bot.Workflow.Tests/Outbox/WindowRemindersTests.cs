using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Tests.Outbox;

/// <summary>Which citizens each round asks the store to remind, by each platform's window; and when it stays quiet.</summary>
public sealed class WindowRemindersTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingChatWindows store = new();
    private readonly OutboxSignal signal = new();
    private readonly WindowReminderOptions settings = new();
    private FakeTimeProvider clock = new(At(10, 0));

    public WindowRemindersTests()
    {
        settings.UseWindow("facebook", TimeSpan.FromHours(24), TimeSpan.FromHours(9));
        settings.UseWindow("zalo", TimeSpan.FromDays(7), TimeSpan.FromDays(1));
    }

    public void Dispose() => signal.Dispose();

    [Fact]
    public async Task Each_platform_is_asked_for_the_citizens_whose_window_closes_within_its_lead_but_not_within_the_margin()
    {
        store.Queued = 2;
        var now = clock.GetUtcNow();

        var queued = await Reminders().RunOnceAsync(None);

        Assert.Equal(4, queued);
        var rounds = store.Rounds.OrderBy(r => r.Channel, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                new RecordingChatWindows.Round("facebook", now.AddHours(-24).AddMinutes(15), now.AddHours(-15), TimeSpan.FromHours(24), now, 200),
                new RecordingChatWindows.Round("zalo", now.AddDays(-7).AddMinutes(15), now.AddDays(-6), TimeSpan.FromDays(7), now, 200),
            ],
            rounds);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, None)); // the outbox is woken for the reminders
    }

    [Theory]
    [InlineData(22, 0, false)]
    [InlineData(23, 30, false)]
    [InlineData(3, 0, false)]
    [InlineData(5, 59, false)]
    [InlineData(6, 0, true)]
    [InlineData(21, 59, true)]
    public async Task Nobody_is_reminded_at_night_local_time(int hour, int minute, bool asked)
    {
        clock = new FakeTimeProvider(At(hour, minute));

        await Reminders().RunOnceAsync(None);

        Assert.Equal(asked, !store.Rounds.IsEmpty);
    }

    [Fact]
    public async Task Nothing_is_asked_when_reminders_are_off_or_a_platform_has_no_usable_window()
    {
        settings.Channels["webchat"] = new ChatWindowPolicy(); // no window configured
        var withoutWebchat = await Reminders().RunOnceAsync(None);
        var channels = store.Rounds.Select(r => r.Channel).ToList();
        settings.Enabled = false;
        store.Rounds.Clear();

        var off = await Reminders().RunOnceAsync(None);

        Assert.DoesNotContain("webchat", channels);
        Assert.Equal((0, 0), (withoutWebchat, off));
        Assert.Empty(store.Rounds);
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, None)); // nothing queued: nobody woken
    }

    [Fact]
    public async Task Once_an_hour_citizens_whose_window_closed_a_day_ago_are_forgotten_even_at_night()
    {
        clock = new FakeTimeProvider(At(23, 0));
        var reminders = Reminders();
        var now = clock.GetUtcNow();

        await reminders.RunOnceAsync(None);
        clock.Advance(TimeSpan.FromMinutes(59));
        await reminders.RunOnceAsync(None);
        var withinTheHour = store.Forgotten.Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        await reminders.RunOnceAsync(None);

        Assert.Equal(2, withinTheHour);
        Assert.Equal(
            [("facebook", now.AddDays(-2)), ("facebook", now.AddHours(1).AddDays(-2)), ("zalo", now.AddDays(-8)), ("zalo", now.AddHours(1).AddDays(-8))],
            store.Forgotten.OrderBy(f => f.Channel, StringComparer.Ordinal).ThenBy(f => f.Before));
        Assert.Empty(store.Rounds); // 23:00 to 00:00: nobody reminded
    }

    [Fact]
    public void Configuration_changes_part_of_a_platforms_window_and_the_platform_fills_in_the_rest()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:Channels:facebook:Lead"] = "06:00:00" })
            .Build();
        var services = new ServiceCollection().AddWorkflow(configuration);
        services.PostConfigure<WindowReminderOptions>(o => o.UseWindow("facebook", TimeSpan.FromHours(24), TimeSpan.FromHours(9)));
        using var provider = services.BuildServiceProvider();

        var facebook = provider.GetRequiredService<IOptions<WindowReminderOptions>>().Value.Channels["facebook"];

        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromHours(6)), (facebook.Window, facebook.Lead));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, TimeSpan.FromHours(7));

    private WindowReminders Reminders() =>
        new(store, signal, clock, Options.Create(settings), NullLogger<WindowReminders>.Instance);
}
