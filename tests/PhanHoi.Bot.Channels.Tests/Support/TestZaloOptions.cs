using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Channels.Tests.Support;

/// <summary>A configured Zalo OA whose API and OAuth hosts are stubs (<c>zalo.test</c>, <c>oauth.test</c>).</summary>
public static class TestZaloOptions
{
    public static ZaloOptions Create() => new()
    {
        AppId = "3608465248940903967",
        OaSecretKey = "oa-secret",
        AccessToken = "access-0",
        RefreshToken = "refresh-0",
        AppSecretKey = "app-secret",
        ApiBaseUrl = "http://zalo.test",
        OAuthBaseUrl = "http://oauth.test",
    };
}
