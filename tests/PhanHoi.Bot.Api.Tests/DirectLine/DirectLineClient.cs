using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Api.Tests.DirectLine;

/// <summary>What Web Chat does over REST, step by step, reading the raw JSON the service answers.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public string Watermark { get; private set; } = string.Empty;

    public HttpClient Http => http;

    /// <summary>The user id the service put in the token (the <c>user</c> claim Web Chat reads).</summary>
    public string UserId
    {
        get
        {
            var payload = Token.Split('.')[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!["user"]!.GetValue<string>();
        }
    }

    public async Task<JsonObject> GenerateAsync()
    {
        var response = await http.PostAsync("/v3/directline/tokens/generate", null);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ConversationId = body["conversationId"]!.GetValue<string>();
        Token = body["token"]!.GetValue<string>();
        Watermark = string.Empty;
        return body;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null) =>
        new(method, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token) } };

    public async Task<HttpResponseMessage> PostActivityAsync(object activity, string? conversationId = null, string? token = null)
    {
        var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", token);
        request.Content = JsonContent.Create(activity);
        return await http.SendAsync(request);
    }

    public async Task<string> SayAsync(string text)
    {
        var response = await PostActivityAsync(new { type = "message", text, from = new { id = "chosen-by-client" }, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"post answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> GetActivitiesAsync(string? watermark, string? conversationId = null, string? token = null) =>
        await http.SendAsync(Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark}", token));

    /// <summary>Activities after the last watermark read, advancing it.</summary>
    public async Task<List<JsonObject>> ReadNewAsync()
    {
        var response = await GetActivitiesAsync(Watermark);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Watermark = set["watermark"]!.GetValue<string>();
        return [.. set["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Polls as Web Chat does until a bot activity whose text contains <paramref name="fragment"/> arrives.</summary>
    public async Task<JsonObject> WaitForBotTextAsync(string fragment, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var activity in await ReadNewAsync())
            {
                var text = activity["text"]?.GetValue<string>() ?? string.Empty;
                seen.Add(text);
                if (activity["from"]?["role"]?.GetValue<string>() == "bot" && text.Contains(fragment, StringComparison.Ordinal))
                {
                    return activity;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No bot message containing '{fragment}'. Seen: {string.Join(" | ", seen)}");
    }

    public static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? string.Empty;

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
