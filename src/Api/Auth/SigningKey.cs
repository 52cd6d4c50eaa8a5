using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PhanHoi.Bot.Api.Hosting;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>The staff token signing key: configured, or (embedded default only) generated once and kept on disk.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    public static SigningKey Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{JwtOptions.Section}:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = TryBase64(configured) ?? Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Auth:Jwt:SigningKey must be at least 32 bytes.");
            }

            return new SigningKey(new SymmetricSecurityKey(bytes));
        }

        if (!EmbeddedDefaults.IsEmbedded(configuration))
        {
            throw new InvalidOperationException("Auth:Jwt:SigningKey is required when ConnectionStrings:Postgres is set.");
        }

        var sqlitePath = configuration["Storage:SqlitePath"] ?? "data/phanhoi.db";
        var folder = Path.GetDirectoryName(Path.GetFullPath(sqlitePath, contentRoot)) ?? contentRoot;
        return new SigningKey(new SymmetricSecurityKey(ReadOrCreate(Path.Combine(folder, "jwt-signing.key"))));
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return bytes;
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}
