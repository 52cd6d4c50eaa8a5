using System.Security.Cryptography;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

public sealed class PersonalDataProtectorTests : IDisposable
{
    private readonly AesGcmPersonalDataProtector protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Personal_data_round_trips_and_never_encrypts_the_same_way_twice()
    {
        const string secret = "{\"name\":\"Nguyễn Thị Hoa\",\"phone\":\"0912345678\"}";

        var once = protector.Protect(secret);
        var twice = protector.Protect(secret);

        Assert.StartsWith("v1:", once, StringComparison.Ordinal);
        Assert.NotEqual(once, twice);
        Assert.DoesNotContain("0912345678", once, StringComparison.Ordinal);
        Assert.Equal(secret, protector.Unprotect(once));
        Assert.Equal(string.Empty, protector.Unprotect(protector.Protect(string.Empty)));
    }

    [Fact]
    public async Task Many_requests_encrypt_and_decrypt_at_once()
    {
        // one shared cipher context failed under concurrent webhooks ("Error occurred during a cryptographic operation")
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var secret = $"{{\"phone\":\"09{worker}{i:D7}\"}}";
                Assert.Equal(secret, protector.Unprotect(protector.Protect(secret)));
            }
        }));

        await Task.WhenAll(workers);
    }

    [Fact]
    public void An_altered_value_is_detected_and_the_error_holds_no_data()
    {
        var sealedText = protector.Protect("0912345678");
        var bytes = Convert.FromBase64String(sealedText[3..]);
        bytes[14] ^= 0x01;
        var tampered = "v1:" + Convert.ToBase64String(bytes);

        var altered = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        var otherKey = Assert.ThrowsAny<CryptographicException>(() => new AesGcmPersonalDataProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(sealedText));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("0912345678"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v1:abc"));

        Assert.DoesNotContain("0912345678", altered.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sealedText[3..], otherKey.Message, StringComparison.Ordinal);
    }

    public void Dispose() => protector.Dispose();

    [Fact]
    public void A_lookup_key_is_the_same_for_the_same_value_and_tells_nothing_without_the_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var same = new AesGcmPersonalDataProtector(key);
        using var restarted = new AesGcmPersonalDataProtector(key);
        using var other = new AesGcmPersonalDataProtector(RandomNumberGenerator.GetBytes(32));

        var lookup = protector.LookupKey("phone:+84912345678");

        Assert.Matches("^[0-9a-f]{32}$", lookup);
        Assert.Equal(lookup, protector.LookupKey("phone:+84912345678"));
        Assert.NotEqual(lookup, protector.LookupKey("phone:+84912345679"));
        Assert.NotEqual(lookup, other.LookupKey("phone:+84912345678")); // a guess cannot be tested without the key
        Assert.Equal(same.LookupKey("x"), restarted.LookupKey("x")); // stable across restarts
        Assert.NotEqual(Convert.ToHexStringLower(HMACSHA256.HashData(key, "x"u8)).Remove(32), same.LookupKey("x")); // a key of its own, not the cipher's
    }

    [Fact]
    public void A_key_that_is_not_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AesGcmPersonalDataProtector(new byte[16]));
    }
}
