using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Api.Tests.Infrastructure;

/// <summary>
/// A Bot Framework connector on 127.0.0.1: receives the bot's replies at
/// <c>/v3/conversations/{id}/activities[/{replyTo}]</c> and lets a test wait for them per conversation.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Channel<Activity>> inboxes = new();

    private FakeConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo?}", async (string conversation, HttpRequest request) =>
        {
            var activity = await JsonSerializer.DeserializeAsync(request.Body, ActivityJsonContext.Default.Activity);
            await connector.Inbox(Uri.UnescapeDataString(conversation)).Writer.WriteAsync(activity!);
            return Results.Json(new ResourceResponse(Guid.NewGuid().ToString("N")), ActivityJsonContext.Default.ResourceResponse);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address + "/";
        return connector;
    }

    /// <summary>The next reply in <paramref name="conversationId"/>, or a failure after <paramref name="timeout"/>.</summary>
    public async Task<Activity> NextAsync(string conversationId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await Inbox(conversationId).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No reply in conversation {conversationId}.");
        }
    }

    /// <summary>Replies already received and not yet read.</summary>
    public IReadOnlyList<Activity> Drain(string conversationId)
    {
        var list = new List<Activity>();
        while (Inbox(conversationId).Reader.TryRead(out var activity))
        {
            list.Add(activity);
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private Channel<Activity> Inbox(string conversationId) =>
        inboxes.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<Activity>());
}
