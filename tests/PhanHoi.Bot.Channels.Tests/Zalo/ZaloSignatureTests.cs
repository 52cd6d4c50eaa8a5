using System.Security.Cryptography;
using System.Text;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Channels.Tests.Zalo;

public sealed class ZaloSignatureTests
{
    private const string AppId = "3608465248940903967";
    private const string Secret = "OaSecretKeyExample123";
    private const string Timestamp = "1700000000123";

    // The worked example of platforms/zalo.md §3.2 (268 bytes, "Xin chào" as raw UTF-8).
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"app_id":"3608465248940903967","user_id_by_app":"552177279717587730","event_name":"user_send_text","timestamp":"1700000000123","sender":{"id":"2468458835296197922"},"recipient":{"id":"388613280878808645"},"message":{"msg_id":"96d3cdf3af150460909","text":"Xin chào"}}""");

    [Fact]
    public void Mac_is_sha256_of_app_id_body_timestamp_and_oa_secret_as_in_the_worked_example()
    {
        Assert.Equal(268, Body.Length);
        Assert.Equal("mac=90a13e355084426cec5c38557dd874023ab80515001cadcb40742482658c5045", ZaloSignature.HeaderValue(AppId, Body, Timestamp, Secret));
        Assert.True(ZaloSignature.IsValid("mac=90a13e355084426cec5c38557dd874023ab80515001cadcb40742482658c5045", AppId, Body, Timestamp, Secret));
    }

    [Fact]
    public void Upper_case_hex_and_surrounding_spaces_are_accepted()
    {
        Assert.True(ZaloSignature.IsValid(" mac=90A13E355084426CEC5C38557DD874023AB80515001CADCB40742482658C5045 ", AppId, Body, Timestamp, Secret));
    }

    [Fact]
    public void Re_serialised_body_does_not_verify()
    {
        var escaped = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("à", "\\u00e0", StringComparison.Ordinal));
        var header = ZaloSignature.HeaderValue(AppId, Body, Timestamp, Secret);

        Assert.False(ZaloSignature.IsValid(header, AppId, escaped, Timestamp, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mac=")]
    [InlineData("mac=not-hex")]
    [InlineData("mac=90a13e355084426cec5c38557dd874023ab80515001cadcb40742482658c5046")]
    public void Missing_malformed_or_wrong_mac_is_refused(string? header)
    {
        Assert.False(ZaloSignature.IsValid(header, AppId, Body, Timestamp, Secret));
    }

    [Fact]
    public void Hmac_of_the_body_is_not_zalos_mac()
    {
        var hmac = "mac=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Assert.False(ZaloSignature.IsValid(hmac, AppId, Body, Timestamp, Secret));
    }

    [Fact]
    public void Wrong_timestamp_or_secret_is_refused()
    {
        var header = ZaloSignature.HeaderValue(AppId, Body, Timestamp, Secret);

        Assert.False(ZaloSignature.IsValid(header, AppId, Body, "1700000000124", Secret));
        Assert.False(ZaloSignature.IsValid(header, AppId, Body, Timestamp, "another-secret"));
        Assert.False(ZaloSignature.IsValid(header, AppId, Body, null, Secret));
    }
}
