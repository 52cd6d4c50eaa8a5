using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Credentials;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Refuses to start on a <c>Security:PiiKey</c> other than the one the store's personal data is encrypted with: the
/// first start records a known value under its key, every later start (any instance) must be able to read it back.
/// Without the check, an instance on the wrong key would start, fail to read every case and conversation, and write
/// what no other instance can read.
/// </summary>
public sealed partial class PersonalDataKeyCheck(ICredentialStore credentials, TimeProvider clock, ILogger<PersonalDataKeyCheck> logger) : IHostedService
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

            if (await credentials.ReplaceAsync(CredentialName, Marker, expiresAt: null, expectedVersion: 0, clock.GetUtcNow(), cancellationToken))
            {
                LogRecorded(logger);
                return;
            }

            // another instance recorded its key first: read it back against ours
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException Mismatch() => new(
        $"The personal data key ({PersonalDataKeyOptions.ConfigurationKey}, or the embedded store's {PersonalDataKeySetup.KeyFileName}) is not " +
        $"the key this store's personal data is encrypted with: its check value (credential '{CredentialName}') does not decrypt. " +
        "Every instance must use the key the store was first started with.");

    [LoggerMessage(LogLevel.Information, "Personal data key: recorded a check value, so an instance started on another key will refuse to start")]
    private static partial void LogRecorded(ILogger logger);
}
