using System.Text.Json;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>A queued notice as stored in <c>outbox.notice</c>.</summary>
internal static class NoticeJson
{
    public static string Write(Notice notice) => JsonSerializer.Serialize(notice, StorageJson.Options);

    public static Notice Read(string json) =>
        JsonSerializer.Deserialize<Notice>(json, StorageJson.Options) ?? throw new InvalidDataException("An outbox notice is empty.");
}
