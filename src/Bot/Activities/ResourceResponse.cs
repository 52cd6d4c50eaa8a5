namespace PhanHoi.Bot.Activities;

/// <summary>What a channel returns for a sent activity: the id it assigned.</summary>
public sealed record ResourceResponse(string Id);
