using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// A minimal load balancer on 127.0.0.1: each request goes to the next instance in turn, body and headers as they
/// came (webhook signatures stay valid); an instance that refuses the connection is skipped for that request.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication app;

    private RoundRobinProxy(WebApplication app) => this.app = app;

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<string> backends)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var next = -1;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            for (var attempt = 0; attempt < backends.Count; attempt++)
            {
                var backend = backends[(int)((uint)Interlocked.Increment(ref next) % backends.Count)];
                using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), backend + context.Request.Path + context.Request.QueryString);
                request.Content = new ByteArrayContent(body);
                foreach (var (name, values) in context.Request.Headers)
                {
                    if (!HopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                    {
                        request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                    }
                }

                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, context.RequestAborted);
                }
                catch (HttpRequestException)
                {
                    continue; // that instance is down: the next one
                }

                using (response)
                {
                    context.Response.StatusCode = (int)response.StatusCode;
                    foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                    {
                        if (!HopByHop.Contains(name))
                        {
                            context.Response.Headers[name] = values.ToArray();
                        }
                    }

                    await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                    return;
                }
            }

            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        });
        await app.StartAsync();
        return new RoundRobinProxy(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
