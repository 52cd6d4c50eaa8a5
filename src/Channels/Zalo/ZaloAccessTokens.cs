using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Workflow.Credentials;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// The OA access token, refreshed before it expires and whenever Zalo says it expired. The refresh token is
/// single use, so exactly one instance refreshes at a time: it first takes a lease on the stored pair
/// (compare-and-set), and stores the new pair before anyone uses it. Seeded once from configuration. The token in
/// use is kept in memory for <see cref="RereadAfter"/> (one read of the store per reply otherwise); a token another
/// instance replaced meanwhile is refused by Zalo and that answer refreshes from the store.
/// </summary>
public sealed partial class ZaloAccessTokens(
    ICredentialStore store,
    IHttpClientFactory httpClients,
    IOptions<ZaloOptions> options,
    TimeProvider clock,
    ILogger<ZaloAccessTokens> logger) : IDisposable
{
    public const string CredentialName = "zalo:oa-tokens";
    public const string OAuthClientName = "zalo-oauth";
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile KnownToken? known;

    /// <summary>A token to call the OA API with, refreshed first when it is about to expire.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (known is { } token && clock.GetUtcNow() - token.ReadAt < RereadAfter && !ExpiresSoon(token.ExpiresAt))
        {
            return token.AccessToken;
        }

        var (stored, tokens) = await LoadAsync(cancellationToken);
        if (tokens.AccessToken is { Length: > 0 } access && !ExpiresSoon(stored.ExpiresAt))
        {
            known = new KnownToken(access, stored.ExpiresAt, clock.GetUtcNow());
            return access;
        }

        return await RefreshAsync(tokens.AccessToken, cancellationToken);
    }

    /// <summary>
    /// Zalo refused <paramref name="rejected"/> as expired or invalid: refresh, unless another instance already did
    /// (then its new token is returned).
    /// </summary>
    public Task<string> RefreshAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
    {
        known = null;
        return RefreshAsync(rejected, cancellationToken);
    }

    /// <summary>
    /// Calls the OA API with the current token; when Zalo answers that the token is expired or invalid
    /// (<paramref name="errorOf"/> reads Zalo's error code from the answer), refreshes once and calls again.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<string, Task<T>> call, Func<T, int?> errorOf, CancellationToken cancellationToken)
    {
        var token = await GetAsync(cancellationToken);
        var answer = await call(token);
        return errorOf(answer) is { } code && ZaloErrors.IsTokenRejected(code)
            ? await call(await RefreshAfterRejectionAsync(token, cancellationToken))
            : answer;
    }

    public void Dispose() => gate.Dispose();

    private bool ExpiresSoon(DateTimeOffset? expiresAt) =>
        expiresAt is { } expires && expires - options.Value.RefreshBefore <= clock.GetUtcNow();

    private async Task<string> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(settings.RefreshLease + settings.RefreshLease);
            while (true)
            {
                var (stored, tokens) = await LoadAsync(cancellationToken);
                if (tokens.AccessToken is { Length: > 0 } current && current != stale && !ExpiresSoon(stored.ExpiresAt))
                {
                    known = new KnownToken(current, stored.ExpiresAt, clock.GetUtcNow());
                    return current; // refreshed meanwhile, here or on another instance
                }

                var now = clock.GetUtcNow();
                if (tokens.IsLeased(now))
                {
                    await Task.Delay(LeasePoll, patience.Token); // another instance is refreshing: wait for its pair
                    continue;
                }

                var lease = tokens with { LeaseId = Guid.NewGuid().ToString("N"), LeaseUntil = now + settings.RefreshLease };
                if (!await store.ReplaceAsync(CredentialName, lease.Serialize(), stored.ExpiresAt, stored.Version, now, cancellationToken))
                {
                    continue; // lost the race for the lease: re-read
                }

                var (leased, _) = await LoadAsync(cancellationToken);
                return await RefreshUnderLeaseAsync(leased, tokens, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ZaloTokenException("Timed out waiting for another instance to refresh the Zalo token.");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> RefreshUnderLeaseAsync(StoredCredential leased, ZaloTokens tokens, CancellationToken cancellationToken)
    {
        ZaloTokenResponse? answer;
        try
        {
            answer = await CallOAuthAsync(tokens.RefreshToken, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRefreshFailed(logger, ex.GetType().Name);
            answer = null;
        }

        var now = clock.GetUtcNow();
        if (answer is not { AccessToken.Length: > 0, RefreshToken.Length: > 0 })
        {
            // Keep the old pair (never overwrite good tokens with nothing) and free the lease.
            await store.ReplaceAsync(CredentialName, (tokens with { LeaseId = null, LeaseUntil = null }).Serialize(), leased.ExpiresAt, leased.Version, now, CancellationToken.None);
            throw new ZaloTokenException("Zalo refused the token refresh; an OA administrator may need to authorise the app again.");
        }

        var lifetime = int.TryParse(answer.ExpiresIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromHours(25);
        var fresh = new ZaloTokens(answer.AccessToken, answer.RefreshToken!);
        // Write before use: the old refresh token is spent, so the new pair must be durable first.
        if (!await store.ReplaceAsync(CredentialName, fresh.Serialize(), now + lifetime, leased.Version, now, CancellationToken.None))
        {
            LogLeaseLost(logger);
        }

        LogRefreshed(logger, now + lifetime);
        known = new KnownToken(answer.AccessToken!, now + lifetime, now);
        return answer.AccessToken!;
    }

    private async Task<ZaloTokenResponse?> CallOAuthAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = httpClients.CreateClient(OAuthClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base(settings.OAuthBaseUrl), "v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = settings.AppId ?? string.Empty,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", settings.AppSecretKey ?? string.Empty);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefreshFailed(logger, $"HTTP {(int)response.StatusCode}");
            return null;
        }

        // Failures also come as HTTP 200, without access_token: success is exactly "access_token is present".
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = body.RootElement;
        var answer = new ZaloTokenResponse(root.String("access_token"), root.String("refresh_token"), root.String("expires_in"));
        if (answer.AccessToken is not { Length: > 0 })
        {
            LogRefreshFailed(logger, root.String("error_name") ?? root.String("error") ?? "no access_token");
        }

        return answer;
    }

    /// <summary>The stored pair; the first time, the pair from configuration is stored (version 0 → 1).</summary>
    private async Task<(StoredCredential Stored, ZaloTokens Tokens)> LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await store.GetAsync(CredentialName, cancellationToken);
            if (stored is not null && ZaloTokens.Deserialize(stored.Value) is { } tokens)
            {
                return (stored, tokens);
            }

            var settings = options.Value;
            if (string.IsNullOrWhiteSpace(settings.RefreshToken) && string.IsNullOrWhiteSpace(settings.AccessToken))
            {
                throw new ZaloTokenException("No Zalo OA token is configured (Channels:Zalo:AccessToken / RefreshToken).");
            }

            var seed = new ZaloTokens(settings.AccessToken, settings.RefreshToken ?? string.Empty);
            await store.ReplaceAsync(CredentialName, seed.Serialize(), null, stored?.Version ?? 0, clock.GetUtcNow(), cancellationToken);
        }

        throw new ZaloTokenException("The stored Zalo token could not be read.");
    }

    private sealed record KnownToken(string AccessToken, DateTimeOffset? ExpiresAt, DateTimeOffset ReadAt);

    internal static Uri Base(string url) => new(url.EndsWith('/') ? url : url + "/");

    [LoggerMessage(LogLevel.Information, "Zalo OA token refreshed; valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(LogLevel.Error, "Zalo OA token refresh failed ({Reason}); replies wait until it succeeds or an admin re-authorises")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Critical, "Zalo OA token refreshed but the stored pair changed under the lease; check for a second refresher")]
    private static partial void LogLeaseLost(ILogger logger);
}
