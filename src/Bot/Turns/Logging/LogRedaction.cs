using System.Security.Cryptography;
using System.Text;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>
/// What of a turn may be logged: a short hash of the conversation (enough to follow one conversation through
/// the logs) and never the text or platform user id.
/// </summary>
public static class LogRedaction
{
    public static string ConversationHash(Activity activity)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(TurnKeys.Conversation(activity)), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    /// <summary>An exception described by types and frames only: messages of third-party exceptions can quote keys or input.</summary>
    public static string Describe(Exception exception)
    {
        var builder = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            builder.Append(current.GetType().FullName).Append(" at ").AppendLine(current.StackTrace?.Trim());
        }

        return builder.ToString();
    }
}
