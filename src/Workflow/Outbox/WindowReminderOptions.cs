namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// Section <c>Reminders</c>: reminding citizens with an open case, before a platform's window for writing to them closes,
/// that one answer keeps them informed. Each chat channel registers its platform's window (<see cref="Channels"/>, by
/// channel name); configuration may change it, e.g. <c>Reminders:Channels:facebook:Lead=06:00:00</c>.
/// </summary>
public sealed class WindowReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for citizens to remind.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>No reminder is queued this close to the window's end: it could arrive after the platform closed it.</summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Local time (UTC+7) from which nobody is reminded until <see cref="QuietUntil"/>: nobody wants a chat at night.</summary>
    public TimeOnly QuietFrom { get; set; } = new(22, 0);

    public TimeOnly QuietUntil { get; set; } = new(6, 0);

    /// <summary>
    /// A citizen's window is recorded again only when this much passed since it was last recorded: one write per dialog
    /// rather than per message. Windows may then be taken to start up to this much early (reminders that much early).
    /// </summary>
    public TimeSpan RecordEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most reminders queued per channel per round.</summary>
    public int BatchSize { get; set; } = 200;

    public Dictionary<string, ChatWindowPolicy> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A platform's window (by its channel name), for whatever configuration did not set.</summary>
    public void UseWindow(string channel, TimeSpan window, TimeSpan lead)
    {
        if (!Channels.TryGetValue(channel, out var policy))
        {
            Channels[channel] = policy = new ChatWindowPolicy();
        }

        policy.Default(window, lead);
    }

    /// <summary>Whether <paramref name="localTime"/> falls in the quiet hours (which may span midnight).</summary>
    public bool IsQuiet(TimeOnly localTime) =>
        QuietFrom <= QuietUntil
            ? localTime >= QuietFrom && localTime < QuietUntil
            : localTime >= QuietFrom || localTime < QuietUntil;

    /// <summary>The windows to remember citizens' messages for: reminders are on and the policy is usable.</summary>
    public IEnumerable<string> RemindedChannels =>
        Enabled ? Channels.Where(c => c.Value.Window > TimeSpan.Zero && c.Value.Lead > TimeSpan.Zero).Select(c => c.Key) : [];
}
