using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>When citizens last wrote on a windowed platform, and the reminders queued before those windows close.</summary>
public interface IChatWindowStore
{
    /// <summary>These citizens wrote at <paramref name="at"/> (or later): their windows start again. An older time never replaces a newer one.</summary>
    Task RecordInteractionsAsync(IReadOnlyCollection<CitizenAddress> citizens, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets the citizens of <paramref name="channel"/> who last wrote before <paramref name="before"/>. Returns how many.</summary>
    Task<int> ForgetBeforeAsync(string channel, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a <see cref="NoticeKind.WindowClosing"/> notice in the outbox for up to <paramref name="max"/> citizens of
    /// <paramref name="channel"/> who last wrote in (<paramref name="wroteAfter"/>, <paramref name="wroteBy"/>], were not
    /// reminded since, have a case still being handled, and have nothing held (their window is known to be closed). Each
    /// citizen is reminded once per message, even with several instances at it. Returns how many were queued.
    /// </summary>
    Task<int> QueueRemindersAsync(
        string channel, DateTimeOffset wroteAfter, DateTimeOffset wroteBy, TimeSpan window, DateTimeOffset now, int max, CancellationToken cancellationToken);
}
