using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Directory;

public sealed record Agency(string Code, string Name);

/// <summary>A lĩnh vực from the managed list; keywords let the bot suggest it from the citizen's text.</summary>
public sealed record Category(string Code, string Name, string? DefaultAgencyCode, ImmutableArray<string> Keywords);
