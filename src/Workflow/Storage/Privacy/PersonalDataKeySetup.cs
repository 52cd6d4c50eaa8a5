using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Reads <c>Security:PiiKey</c>. Without it, the embedded SQLite store keeps a generated key in <c>pii.key</c> next to
/// its database file (mode 0600) and reuses it on restart; PostgreSQL refuses to start, because a key that lives on
/// one server's disk would make the data unreadable to every other instance.
/// </summary>
internal sealed class PersonalDataKeySetup(IConfiguration configuration, StoreLocation location) : IConfigureOptions<PersonalDataKeyOptions>
{
    public const string KeyFileName = "pii.key";

    public void Configure(PersonalDataKeyOptions options)
    {
        var configured = configuration[PersonalDataKeyOptions.ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            options.Key = Decode(configured, PersonalDataKeyOptions.ConfigurationKey);
            return;
        }

        if (location.SqlitePath is not { } databasePath)
        {
            throw new InvalidOperationException(
                $"{PersonalDataKeyOptions.ConfigurationKey} is required with PostgreSQL: set it to a base64-encoded {PersonalDataKeyOptions.KeySize}-byte key " +
                "(e.g. `openssl rand -base64 32`), the same on every instance.");
        }

        options.Key = LoadOrCreate(Path.Combine(Path.GetDirectoryName(databasePath)!, KeyFileName));
    }

    private static byte[] LoadOrCreate(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return Decode(File.ReadAllText(keyFile).Trim(), keyFile);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(PersonalDataKeyOptions.KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(keyFile, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            return Decode(File.ReadAllText(keyFile).Trim(), keyFile); // another process created it first
        }

        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} must be a base64-encoded {PersonalDataKeyOptions.KeySize}-byte key; it is not valid base64.");
        }

        return key.Length == PersonalDataKeyOptions.KeySize
            ? key
            : throw new InvalidOperationException(
                $"{source} must be a base64-encoded {PersonalDataKeyOptions.KeySize}-byte key; it decodes to {key.Length} bytes.");
    }
}
