using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Channels.Tests.Support;

namespace PhanHoi.Bot.Channels.Tests.Messenger;

public sealed class MessengerConversationReaderTests
{
    private const string Psid = "24680135792468013";
    private const string Page = "109876543210987";

    private static MessengerConversationReader Reader(StubHttp http) => new(
        http,
        Microsoft.Extensions.Options.Options.Create(new MessengerOptions
        {
            AppSecret = "secret",
            PageAccessToken = "page-token",
            GraphBaseUrl = "http://graph.test",
            GraphVersion = "v25.0",
        }),
        NullLogger<MessengerConversationReader>.Instance);

    [Fact]
    public async Task The_citizens_thread_is_read_through_the_conversations_api_with_the_page_token()
    {
        var http = new StubHttp((_, _) => StubHttp.Json($$$"""
            {"data":[{"id":"t_1","messages":{"data":[
              {"id":"m_3","from":{"id":"{{{Page}}}"},"message":"Đã tiếp nhận","created_time":"2026-11-30T10:15:42+0000"},
              {"id":"m_2","from":{"id":"{{{Psid}}}"},"message":"gửi"},
              {"id":"m_1","from":{"id":"{{{Page}}}"}}]}}]}
            """));

        var history = await Reader(http).ReadAsync(Psid, CancellationToken.None);

        Assert.Equal(
            [new("m_3", true, "Đã tiếp nhận", new DateTimeOffset(2026, 11, 30, 10, 15, 42, TimeSpan.Zero)), new("m_2", false, "gửi"), new("m_1", true, null)],
            history);
        var (request, _) = Assert.Single(http.Requests);
        Assert.Equal("/v25.0/me/conversations", request.RequestUri!.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal("messenger", query["platform"]);
        Assert.Equal(Psid, query["user_id"]);
        Assert.Equal("messages.limit(25){id,from,message,created_time}", query["fields"]);
        Assert.Equal("Bearer page-token", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_citizen_with_no_thread_has_an_empty_history()
    {
        Assert.Empty((await Reader(new StubHttp((_, _) => StubHttp.Json("""{"data":[]}"""))).ReadAsync(Psid, CancellationToken.None))!);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"error":{"message":"(#10) Requires pages_read_engagement permission","type":"OAuthException","code":10}}""")]
    [InlineData(HttpStatusCode.NotFound, "not found")]
    [InlineData(HttpStatusCode.OK, """{"recipient_id":"1","message_id":"m_1"}""")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "{}")]
    public async Task A_refusal_or_an_unexpected_answer_reads_as_cannot_tell(HttpStatusCode status, string body)
    {
        Assert.Null(await Reader(new StubHttp((_, _) => StubHttp.Json(body, status))).ReadAsync(Psid, CancellationToken.None));
    }
}
