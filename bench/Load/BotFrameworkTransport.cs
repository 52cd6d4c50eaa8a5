using System.Diagnostics;
using System.Net.Http.Json;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>Bot Framework activities posted to <c>/api/messages</c>; replies come back to the fake connector.</summary>
public sealed class BotFrameworkTransport(HttpClient http, string serviceBaseUrl, string connectorUrl) : ITransport
{
    public string Name => "api";

    public async Task<TimeSpan> SendAsync(string userId, string messageId, string text, CancellationToken cancellationToken)
    {
        var activity = new
        {
            type = "message",
            id = messageId,
            channelId = "emulator",
            serviceUrl = connectorUrl,
            timestamp = DateTimeOffset.UtcNow,
            locale = "vi-VN",
            from = new { id = userId, name = "citizen" },
            recipient = new { id = "phanhoi-bot", name = "Phản hồi Thanh Hóa" },
            conversation = new { id = userId },
            text,
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync($"{serviceBaseUrl}/api/messages", activity, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        response.EnsureSuccessStatusCode();
        return elapsed;
    }
}
