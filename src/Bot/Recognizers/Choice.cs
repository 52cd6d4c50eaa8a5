namespace PhanHoi.Bot.Recognizers;

/// <summary>An option the citizen can pick: a stable value, the title shown, and other ways to say it.</summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string> Synonyms)
{
    public Choice(string value, string title)
        : this(value, title, [])
    {
    }
}
