namespace PhanHoi.Bot.Workflow.Cases;

public sealed record Attachment(string Url, string ContentType, string? Name = null);

public sealed record GeoLocation(double Latitude, double Longitude, string? Address = null);
