using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Tests.Support;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Channels.Tests.Zalo;

public sealed class ZaloConversationReaderTests
{
    private const string User = "2468458835296197931";
    private const string Oa = "388613280878808645";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    private (ZaloConversationReader Reader, ZaloAccessTokens Tokens) Reader(StubHttp http)
    {
        var options = Microsoft.Extensions.Options.Options.Create(TestZaloOptions.Create());
        var tokens = new ZaloAccessTokens(new InMemoryCredentialStore(), http, options, clock, NullLogger<ZaloAccessTokens>.Instance);
        return (new ZaloConversationReader(http, tokens, options, NullLogger<ZaloConversationReader>.Instance), tokens);
    }

    /// <summary>Messages numbered newest first: odd ones from the OA (by <c>src</c>), even ones from the citizen.</summary>
    private static string Page(int offset, int count, int total) => new JsonObject
    {
        ["error"] = 0,
        ["message"] = "Success",
        ["data"] = new JsonArray([.. Enumerable.Range(offset, Math.Max(0, Math.Min(count, total - offset))).Select(n => (JsonNode)new JsonObject
        {
            ["src"] = n % 2 == 1 ? 0 : 1,
            ["time"] = 1764468000000L - n,
            ["type"] = "text",
            ["message"] = $"tin {n}",
            ["message_id"] = $"msg-{n}",
            ["to_id"] = n % 2 == 1 ? User : Oa,
        })]),
    }.ToJsonString();

    private static JsonNode Query(HttpRequestMessage request) =>
        JsonNode.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["data"]!)!;

    [Fact]
    public async Task The_conversation_is_read_page_by_page_until_the_citizens_message_with_the_oa_token()
    {
        var http = new StubHttp((request, _) =>
        {
            var data = Query(request);
            return StubHttp.Json(Page(data["offset"]!.GetValue<int>(), data["count"]!.GetValue<int>(), total: 40));
        });
        var (reader, tokens) = Reader(http);
        using var _ = tokens;

        var history = await reader.ReadAsync(User, "msg-12", CancellationToken.None);

        Assert.Equal(20, history!.Count);
        Assert.Equal(new HistoryMessage("msg-0", false, "tin 0", DateTimeOffset.FromUnixTimeMilliseconds(1764468000000)), history[0]);
        Assert.Equal(new HistoryMessage("msg-1", true, "tin 1", DateTimeOffset.FromUnixTimeMilliseconds(1764467999999)), history[1]);
        var requests = http.Requests.Select(r => r.Request).ToList();
        Assert.All(requests, r =>
        {
            Assert.Equal("/v2.0/oa/conversation", r.RequestUri!.AbsolutePath);
            Assert.Equal("access-0", r.Headers.GetValues("access_token").Single());
            Assert.Equal(User, Query(r)["user_id"]!.GetValue<string>());
            Assert.Equal(10, Query(r)["count"]!.GetValue<int>());
        });
        Assert.Equal([0, 10], requests.Select(r => Query(r)["offset"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Reading_stops_at_the_last_page_or_after_three()
    {
        var http = new StubHttp((request, _) => StubHttp.Json(Page(Query(request)["offset"]!.GetValue<int>(), 10, total: 100)));
        var (reader, tokens) = Reader(http);
        using var _ = tokens;
        Assert.Equal(30, (await reader.ReadAsync(User, "msg-99", CancellationToken.None))!.Count);

        var shortHttp = new StubHttp((request, _) => StubHttp.Json(Page(Query(request)["offset"]!.GetValue<int>(), 10, total: 4)));
        var (shortReader, shortTokens) = Reader(shortHttp);
        using var __ = shortTokens;
        Assert.Equal(4, (await shortReader.ReadAsync(User, "msg-99", CancellationToken.None))!.Count);
        Assert.Single(shortHttp.Requests);
    }

    [Fact]
    public async Task A_message_is_the_oas_when_its_sender_is_not_the_citizen()
    {
        var http = new StubHttp((_, _) => StubHttp.Json($$"""
            {"error":0,"message":"Success","data":[
              {"src":1,"message":"Cảm ơn","msg_id":"a","from_id":"{{Oa}}"},
              {"src":0,"message":"gửi","message_id":"b","from_id":"{{User}}"},
              {"src":0,"type":"photo","message_id":"c"}]}
            """));
        var (reader, tokens) = Reader(http);
        using var _ = tokens;

        Assert.Equal(
            [new("a", true, "Cảm ơn"), new("b", false, "gửi"), new("c", true, null)],
            await reader.ReadAsync(User, "b", CancellationToken.None));
    }

    [Fact]
    public async Task A_rejected_token_is_refreshed_once_and_the_read_retried()
    {
        var http = new StubHttp((request, _) => request.RequestUri!.Host == "oauth.test"
            ? StubHttp.Json("""{"access_token":"access-1","refresh_token":"refresh-1","expires_in":"90000"}""")
            : request.Headers.GetValues("access_token").Single() == "access-1"
                ? StubHttp.Json(Page(0, 10, total: 2))
                : StubHttp.Json("""{"error":-216,"message":"Access token is invalid"}"""));
        var (reader, tokens) = Reader(http);
        using var _ = tokens;

        Assert.Equal(2, (await reader.ReadAsync(User, "msg-1", CancellationToken.None))!.Count);
        Assert.Equal(3, http.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "not found")]
    [InlineData(HttpStatusCode.OK, """{"error":-201,"message":"user_id is invalid"}""")]
    [InlineData(HttpStatusCode.OK, """{"error":0,"data":{"message_id":"x"}}""")]
    [InlineData(HttpStatusCode.OK, "<html>gateway</html>")]
    [InlineData(HttpStatusCode.BadGateway, "{}")]
    public async Task Any_other_answer_reads_as_cannot_tell(HttpStatusCode status, string body)
    {
        var (reader, tokens) = Reader(new StubHttp((_, _) => StubHttp.Json(body, status)));
        using var _ = tokens;

        Assert.Null(await reader.ReadAsync(User, "msg-1", CancellationToken.None));
    }
}
