using System.Text.Json;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Citizens as one statement per channel takes them: the channel, and its user ids as one JSON array parameter, read in
/// SQL through <see cref="SqlDialect.JsonTextElements"/> (one SQL text whatever the count, on both engines).
/// </summary>
internal static class UserIdLists
{
    public static IEnumerable<(string Channel, string UserIds)> ByChannel(IEnumerable<CitizenAddress> citizens) =>
        citizens.GroupBy(c => c.Channel, StringComparer.Ordinal)
            .Select(g => (g.Key, JsonSerializer.Serialize(g.Select(c => c.UserId).Distinct(StringComparer.Ordinal))));
}
