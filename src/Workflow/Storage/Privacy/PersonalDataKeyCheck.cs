using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Credentials;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Refuses to start on a <c>Security:PiiKey</c> other than the one the store's personal data is encrypted with: the
/// first start records a known value under its key, every later start (any instance) must be able to read it back.
/// A store that already holds data but no check value (written before the check existed) records one only if its key
/// reads that data. Without the check, an instance on the wrong key would start, fail to read every case and
/// conversation, and write what no other instance can read.
/// </summary>
public sealed partial class PersonalDataKeyCheck(
    ICredentialStore credentials, StoreDatabase database, IPersonalDataProtector protector, TimeProvider clock, ILogger<PersonalDataKeyCheck> logger)
    : IHostedService
{
    public const string CredentialName = "security:pii-key-check";
    private const string Marker = "PhanHoi.Bot personal data key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            StoredCredential? recorded;
            try
            {
                recorded = await credentials.GetAsync(CredentialName, cancellationToken);
            }
            catch (CryptographicException)
            {
                throw Mismatch();
            }

            if (recorded is not null)
            {
                return;
            }

            if (await EarlierDataAsync(cancellationToken) is { } earlier && !protector.TryUnprotect(earlier, out _))
            {
                throw Mismatch();
            }

            if (await credentials.ReplaceAsync(CredentialName, Marker, expiresAt: null, expectedVersion: 0, clock.GetUtcNow(), cancellationToken))
            {
                LogRecorded(logger);
                return;
            }

            // another instance recorded its key first: read it back against ours
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One encrypted value the store already holds (a case's personal data, else a platform credential), if any.</summary>
    private async Task<string?> EarlierDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition(
                   "SELECT personal_data FROM cases LIMIT 1", cancellationToken: cancellationToken))
               ?? await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition(
                   "SELECT value FROM credentials WHERE name <> @name ORDER BY name LIMIT 1", new { name = CredentialName }, cancellationToken: cancellationToken));
    }

    private static InvalidOperationException Mismatch() => new(
        $"The personal data key ({PersonalDataKeyOptions.ConfigurationKey}, or the embedded store's {PersonalDataKeySetup.KeyFileName}) is not " +
        $"the key this store's personal data is encrypted with: its check value (credential '{CredentialName}'), or the data " +
        "stored before it, does not decrypt. Every instance must use the key the store was first started with.");

    [LoggerMessage(LogLevel.Information, "Personal data key: recorded a check value, so an instance started on another key will refuse to start")]
    private static partial void LogRecorded(ILogger logger);
}
