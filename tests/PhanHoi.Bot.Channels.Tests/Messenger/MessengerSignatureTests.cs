using System.Security.Cryptography;
using System.Text;
using PhanHoi.Bot.Channels.Messenger;

namespace PhanHoi.Bot.Channels.Tests.Messenger;

public sealed class MessengerSignatureTests
{
    private const string Secret = "fb-app-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"object":"page","entry":[{"id":"109876543210987","time":1735689600123,"messaging":[{"sender":{"id":"24681357924680135"},"recipient":{"id":"109876543210987"},"timestamp":1735689599871,"message":{"mid":"m_1","text":"Tôi muốn đặt lịch"}}]}]}""");

    private static string Independent(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + string.Concat(hmac.ComputeHash(body).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Hmac_sha256_of_the_raw_body_with_the_app_secret_verifies()
    {
        Assert.True(MessengerSignature.IsValid(Independent(Secret, Body), Secret, Body));
        Assert.Equal(Independent(Secret, Body), MessengerSignature.HeaderValue(Secret, Body));
    }

    [Fact]
    public void Another_secret_a_changed_body_or_the_legacy_sha1_header_is_refused()
    {
        var changed = (byte[])Body.Clone();
        changed[^5] ^= 1;

        Assert.False(MessengerSignature.IsValid(Independent("other", Body), Secret, Body));
        Assert.False(MessengerSignature.IsValid(Independent(Secret, Body), Secret, changed));
#pragma warning disable CA5350 // the legacy header's algorithm, only to show it is refused
        Assert.False(MessengerSignature.IsValid("sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Body)), Secret, Body));
#pragma warning restore CA5350
        Assert.False(MessengerSignature.IsValid(null, Secret, Body));
        Assert.False(MessengerSignature.IsValid("sha256=zz", Secret, Body));
    }

    [Fact]
    public void Verify_token_must_match_exactly()
    {
        Assert.True(MessengerSignature.IsVerifyToken("token-1", "token-1"));
        Assert.False(MessengerSignature.IsVerifyToken("token-2", "token-1"));
        Assert.False(MessengerSignature.IsVerifyToken("", ""));
        Assert.False(MessengerSignature.IsVerifyToken("x", null));
    }
}
