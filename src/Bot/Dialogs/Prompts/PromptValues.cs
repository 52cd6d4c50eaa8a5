using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>A file the citizen sent, as the attachment prompt returns it.</summary>
public sealed record SharedFile(string Url, string ContentType, string? Name)
{
    /// <summary>The files of a message that point somewhere (cards and inline content are not files).</summary>
    public static List<SharedFile> AllOf(Activity activity) =>
    [
        .. (activity.Attachments ?? [])
            .Where(a => !string.IsNullOrEmpty(a.ContentUrl))
            .Select(a => new SharedFile(a.ContentUrl!, a.ContentType ?? "application/octet-stream", a.Name)),
    ];
}

/// <summary>A place the citizen shared, as the location prompt returns it.</summary>
public sealed record SharedLocation(double Latitude, double Longitude, string? Name);

/// <summary>One free message: its text and files, as the message prompt returns it.</summary>
public sealed record SharedMessage(string? Text, List<SharedFile> Files);

/// <summary>
/// What a prompt asked to change an earlier answer (an edit from a summary) ends with when the citizen goes back
/// ("quay lại") or runs out of retries: the earlier answer stays.
/// </summary>
public sealed class KeepEarlierAnswer
{
    public static readonly KeepEarlierAnswer Instance = new();

    private KeepEarlierAnswer()
    {
    }
}
