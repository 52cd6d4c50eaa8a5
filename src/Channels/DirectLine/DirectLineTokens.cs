using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs (HS256) scoped to one conversation. Web Chat reads the
/// <c>user</c> claim to learn the user id we assigned, so the citizen cannot choose someone else's address.
/// Also signs the browser's long-lived user id (cookie value) with the same key.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "phanhoi-directline";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] key;
    private readonly DirectLineOptions options;
    private readonly TimeProvider clock;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        key = DecodeKey(this.options.TokenSigningKey)
              ?? throw new InvalidOperationException($"{DirectLineOptions.Section}:TokenSigningKey must be base64 of at least 32 bytes.");
    }

    public IssuedToken IssueConversation(string conversationId, string userId) =>
        Issue(conversationId, userId, TokenPurpose.Conversation, options.TokenLifetime);

    public IssuedToken IssueStream(string conversationId, string userId) =>
        Issue(conversationId, userId, TokenPurpose.Stream, options.StreamTokenLifetime);

    /// <summary>The claims of a well-signed, unexpired token of the expected purpose; null otherwise.</summary>
    public DirectLineToken? Validate(string? token, TokenPurpose purpose) =>
        Check(token, purpose) is { Claims: { } claims, Expired: false } ? claims : null;

    /// <summary>
    /// Checks a token: its claims when well signed and of the expected purpose (even if expired, which
    /// <see cref="TokenCheck.Expired"/> says), or no claims for anything forged, malformed or of another purpose.
    /// </summary>
    public TokenCheck Check(string? token, TokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return TokenCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !Verify($"{parts[0]}.{parts[1]}", parts[2]))
        {
            return TokenCheck.Invalid;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), DirectLineJsonContext.Default.TokenPayload);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (payload is not { Iss: Issuer, Conv.Length: > 0, User.Length: > 0 } || payload.Purpose != Purpose(purpose))
        {
            return TokenCheck.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        return new TokenCheck(new DirectLineToken(payload.Conv, payload.User, purpose, expiresAt), expiresAt <= clock.GetUtcNow());
    }

    /// <summary>A new random user id (<c>dl_…</c>) and the signed cookie value that proves it later.</summary>
    public (string UserId, string Cookie) NewUser()
    {
        var userId = DirectLineChannel.UserIdPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        return (userId, SignUser(userId));
    }

    public string SignUser(string userId) => $"{userId}.{Sign(userId)}";

    /// <summary>The user id of a cookie value this service signed; null for anything else.</summary>
    public string? ReadUser(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 256)
        {
            return null;
        }

        var dot = cookie.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var userId = cookie[..dot];
        return userId.StartsWith(DirectLineChannel.UserIdPrefix, StringComparison.Ordinal) && Verify(userId, cookie[(dot + 1)..])
            ? userId
            : null;
    }

    private IssuedToken Issue(string conversationId, string userId, TokenPurpose purpose, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + lifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(Issuer, Purpose(purpose), conversationId, userId, now.ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds()),
            DirectLineJsonContext.Default.TokenPayload);
        var unsigned = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(payload)}";
        return new IssuedToken($"{unsigned}.{Sign(unsigned)}", new DirectLineToken(conversationId, userId, purpose, expiresAt), (int)lifetime.TotalSeconds);
    }

    private string Sign(string text) => Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    private bool Verify(string text, string signature)
    {
        Span<byte> given = stackalloc byte[64];
        if (!Base64Url.TryDecodeFromChars(signature, given, out var written) || written != 32)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    private static string Purpose(TokenPurpose purpose) => purpose == TokenPurpose.Stream ? "stream" : "conversation";

    private static byte[]? DecodeKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}

/// <summary>The JWT payload. <c>user</c> is the claim Web Chat reads for its user id.</summary>
public sealed record TokenPayload(string Iss, string Purpose, string Conv, string User, long Iat, long Exp);
