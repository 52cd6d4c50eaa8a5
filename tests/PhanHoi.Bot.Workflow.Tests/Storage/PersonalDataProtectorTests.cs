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

    [Theory]
    [InlineData("")]
    [InlineData("Nguyễn Thị Hoà 🌸, 0912 345 678")]
    [InlineData("x")]
    public void Values_of_any_length_and_script_round_trip(string secret) =>
        Assert.Equal(secret, protector.Unprotect(protector.Protect(secret)));

    [Fact]
    public void A_value_larger_than_the_pooled_buffers_round_trips()
    {
        var secret = string.Concat(Enumerable.Repeat("Số 5 Lê Lợi, phường Hạc Thành; ", 40_000)); // ≈ 1.4 MB of UTF-8

        Assert.Equal(secret, protector.Unprotect(protector.Protect(secret)));
    }

    [Fact]
    public void Data_sealed_before_keeps_opening_nonce_ciphertext_tag_in_base64_even_wrapped_in_lines()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var current = new AesGcmPersonalDataProtector(key);
        var clear = System.Text.Encoding.UTF8.GetBytes("Trần Văn Bình");
        var sealedBytes = new byte[12 + clear.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, 12), clear, sealedBytes.AsSpan(12, clear.Length), sealedBytes.AsSpan(12 + clear.Length));
        }

        var encoded = Convert.ToBase64String(sealedBytes);
        Assert.Equal("Trần Văn Bình", current.Unprotect("v1:" + encoded));
        Assert.Equal("Trần Văn Bình", current.Unprotect("v1:" + encoded[..20] + "\r\n" + encoded[20..]));
    }

    [Theory]
    [InlineData("v1:", "truncated")]
    [InlineData("v1:AAAA", "truncated")] // three bytes: shorter than a nonce and a tag
    [InlineData("v1:not base64!", "not valid base64")]
    public void Truncated_or_undecodable_values_are_refused_with_a_reason_and_not_their_content(string sealedText, string why)
    {
        var refused = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedText));

        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64", refused.Message, StringComparison.Ordinal);
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
