using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>A message the bot sent, as the waiting citizen reads it, and when it reached the fake platform (a Stopwatch timestamp).</summary>
public readonly record struct PlatformReply(JsonObject Message, long ArrivedAt);
