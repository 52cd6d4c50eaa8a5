namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>What a token lets its bearer do.</summary>
public enum TokenPurpose
{
    /// <summary>Read and write one conversation over REST; refreshable.</summary>
    Conversation,

    /// <summary>Open the WebSocket stream of one conversation, once, shortly after it was issued.</summary>
    Stream,
}

/// <summary>The claims of a Direct Line token: one conversation, one user, a purpose and an expiry.</summary>
public sealed record DirectLineToken(string ConversationId, string UserId, TokenPurpose Purpose, DateTimeOffset ExpiresAt);

/// <summary>A freshly signed token and its lifetime in whole seconds (the wire's <c>expires_in</c>).</summary>
public sealed record IssuedToken(string Value, DirectLineToken Claims, int ExpiresInSeconds);

/// <summary>The outcome of checking a token: no claims (forged, malformed, wrong purpose), or claims and whether they expired.</summary>
public sealed record TokenCheck(DirectLineToken? Claims, bool Expired)
{
    public static TokenCheck Invalid { get; } = new(null, false);
}
