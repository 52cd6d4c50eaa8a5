namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>A file the citizen sent, as the attachment prompt returns it.</summary>
public sealed record SharedFile(string Url, string ContentType, string? Name);

/// <summary>A place the citizen shared, as the location prompt returns it.</summary>
public sealed record SharedLocation(double Latitude, double Longitude, string? Name);
