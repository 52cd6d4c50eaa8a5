using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Gives the cases written before migration 0008 the phone lookup keys that every case written since carries
/// (<see cref="CaseColumns"/>), so a search by phone finds them too, and their search text as it is written now (what
/// the public may read: no supplements, long numbers masked), so <c>q</c> no longer matches what it must not. Runs
/// once per start, in pages, behind the host's start; finds nothing to do once every row has them. A row whose personal
/// data cannot be read (the key is not the one it was written with) is left for a later start. Only counts are logged.
/// </summary>
internal sealed partial class PhoneKeyBackfill(StoreDatabase database, IPersonalDataProtector protector, ILogger<PhoneKeyBackfill> logger)
    : BackgroundService
{
    private const int PageSize = 200;

    private readonly CaseDocument document = new(protector);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var filled = await RunOnceAsync(stoppingToken);
            if (filled > 0)
            {
                LogFilled(logger, filled);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex.GetType().Name); // the next start carries on where this one stopped
        }
    }

    /// <summary>Fills in every case without keys that can be read; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        Guid? after = null;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var rows = (await connection.QueryRowsAsync<Row>(new CommandDefinition(
                "SELECT id AS Id, content AS Content, personal_data AS PersonalData FROM cases WHERE citizen_phone_key IS NULL" +
                (after is null ? string.Empty : " AND id > @After") + " ORDER BY id LIMIT @PageSize",
                new { After = after ?? Guid.Empty, PageSize }, cancellationToken: cancellationToken))).ToList();
            if (rows.Count == 0)
            {
                return filled;
            }

            after = rows[^1].Id;
            var keys = rows.Select(KeysOf).OfType<Keys>().ToList();
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE cases SET citizen_phone_key = @CitizenPhoneKey, proxy_phone_key = @ProxyPhoneKey, search_text = @SearchText WHERE id = @Id",
                keys, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            filled += keys.Count;
        }
    }

    private Keys? KeysOf(Row row)
    {
        try
        {
            var (citizen, proxy) = document.PhoneKeys(document.Citizen(row.Id, row.PersonalData));
            return new Keys(row.Id, citizen, proxy, CaseColumns.SearchTextOf(row.Content));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException or InvalidDataException)
        {
            LogUnreadable(logger, ex.GetType().Name);
            return null;
        }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public string Content { get; init; } = string.Empty;

        public string PersonalData { get; init; } = string.Empty;
    }

    private sealed record Keys(Guid Id, string CitizenPhoneKey, string? ProxyPhoneKey, string SearchText);

    [LoggerMessage(LogLevel.Information, "Phone lookup keys added to {Count} case(s) written before they existed")]
    private static partial void LogFilled(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "A case's personal data could not be read to add its phone lookup keys ({Failure}); left for a later start")]
    private static partial void LogUnreadable(ILogger logger, string failure);

    [LoggerMessage(LogLevel.Warning, "Adding phone lookup keys to earlier cases failed ({Failure}); the next start carries on")]
    private static partial void LogFailed(ILogger logger, string failure);
}
