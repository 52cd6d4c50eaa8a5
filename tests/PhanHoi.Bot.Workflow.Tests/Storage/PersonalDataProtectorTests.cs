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
    public void A_key_that_is_not_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AesGcmPersonalDataProtector(new byte[16]));
    }
}
