using System.Net.WebSockets;
using System.Text.Json;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// The pre-signed <c>streamUrl</c>: a WebSocket that sends <c>{activities, watermark}</c> text frames as the log grows
/// (the user's echo, replies, notices), starting after the watermark in the URL. Client frames (Web Chat's empty
/// liveness pings) are read and ignored; an empty frame goes out when nothing happened for a while.
/// </summary>
public static class DirectLineStream
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    public static async Task<IResult> Accept(
        string conversationId, string? t, string? watermark, HttpContext http, DirectLineTokens tokens,
        IDirectLineConversationStore store, ConversationSignals signals)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.Problems.Invalid("stream", "Connect with a WebSocket.");
        }

        var (caller, refusal) = DirectLineCaller.Decide(tokens.Check(t, TokenPurpose.Stream), conversationId);
        if (caller is null)
        {
            return refusal!;
        }

        if (DirectLineEndpoints.ParseWatermark(watermark) is not { } from)
        {
            return Problems.Problems.Invalid("watermark", "The watermark is not one this service issued.");
        }

        if (await store.FindOwnerAsync(conversationId, http.RequestAborted) != caller.UserId)
        {
            return DirectLineCaller.ConversationGone();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await PumpAsync(socket, conversationId, from, store, signals, http.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task PumpAsync(
        WebSocket socket, string conversationId, long watermark, IDirectLineConversationStore store, ConversationSignals signals, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var closed = DrainAsync(socket, stop.Token);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var changed = signals.NextChangeAsync(conversationId); // before reading, so no append slips between
                if (await store.ReadAsync(conversationId, watermark, stop.Token) is not { } set)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "conversation ended", stop.Token);
                    return;
                }

                if (set.Activities.Count > 0)
                {
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJsonContext.Default.ActivitySet), stop.Token);
                    watermark = long.Parse(set.Watermark, System.Globalization.CultureInfo.InvariantCulture);
                }

                var woke = await Task.WhenAny(changed, closed, Task.Delay(Idle, stop.Token));
                if (woke == closed)
                {
                    return;
                }

                if (woke != changed && socket.State == WebSocketState.Open)
                {
                    await SendAsync(socket, [], stop.Token); // keep-alive
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the page went away
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static Task SendAsync(WebSocket socket, byte[] frame, CancellationToken ct) =>
        socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);

    /// <summary>Reads client frames until the client closes; completes then.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // closed or aborted
        }
    }
}
