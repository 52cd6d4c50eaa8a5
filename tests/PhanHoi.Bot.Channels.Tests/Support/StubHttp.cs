using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PhanHoi.Bot.Channels.Tests.Support;

/// <summary>An HTTP client factory whose clients answer from a delegate and record every request.</summary>
public sealed class StubHttp(Func<HttpRequestMessage, string, HttpResponseMessage> answer) : IHttpClientFactory
{
    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    public HttpClient CreateClient(string name) => new(new Handler(this), disposeHandler: true);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class Handler(StubHttp owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            owner.Requests.Enqueue((request, body));
            await Task.Yield();
            return owner.Answer(request, body);
        }
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, string body) => answer(request, body);
}
