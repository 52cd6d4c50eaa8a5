namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// How long after a citizen's last message a platform lets the service write to them (<see cref="Window"/>), and how long
/// before that ends the citizen is reminded (<see cref="Lead"/>).
/// </summary>
public sealed class ChatWindowPolicy
{
    public TimeSpan Window { get; set; }

    public TimeSpan Lead { get; set; }

    /// <summary>Fills what configuration left unset with the platform's own figures.</summary>
    public void Default(TimeSpan window, TimeSpan lead)
    {
        if (Window <= TimeSpan.Zero)
        {
            Window = window;
        }

        if (Lead <= TimeSpan.Zero)
        {
            Lead = lead;
        }
    }
}
