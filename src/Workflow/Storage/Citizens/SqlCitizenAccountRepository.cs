using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Locks and blocks of chat accounts (SPEC §5).</summary>
public sealed class SqlCitizenAccountRepository(StoreDatabase database) : ICitizenAccountRepository
{
    public async Task<CitizenAccount?> FindAsync(CitizenAddress address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<AccountRow>(new CommandDefinition(
            "SELECT status AS Status, locked_until AS LockedUntil, reason AS Reason FROM citizen_accounts WHERE channel = @Channel AND user_id = @UserId",
            new { address.Channel, address.UserId },
            cancellationToken: cancellationToken));
        return row is null ? null : new CitizenAccount(address, StorageNames.Parse<CitizenStatus>(row.Status), row.LockedUntil, row.Reason);
    }

    public async Task<IReadOnlyList<CitizenAccount>> ListBarredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<BarredRow>(new CommandDefinition(
            """
            SELECT channel AS Channel, user_id AS UserId, status AS Status, locked_until AS LockedUntil, reason AS Reason FROM citizen_accounts
            WHERE status = @Blocked OR (status = @Locked AND locked_until > @Now)
            """,
            new { Blocked = StorageNames.Of(CitizenStatus.Blocked), Locked = StorageNames.Of(CitizenStatus.Locked), Now = now },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => new CitizenAccount(
            new CitizenAddress(row.Channel, row.UserId), StorageNames.Parse<CitizenStatus>(row.Status), row.LockedUntil, row.Reason))];
    }

    public async Task SaveAsync(CitizenAccount account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO citizen_accounts (channel, user_id, status, locked_until, reason) VALUES (@Channel, @UserId, @Status, @LockedUntil, @Reason)
            ON CONFLICT (channel, user_id) DO UPDATE SET status = excluded.status, locked_until = excluded.locked_until, reason = excluded.reason
            """,
            new
            {
                account.Address.Channel,
                account.Address.UserId,
                Status = StorageNames.Of(account.Status),
                account.LockedUntil,
                account.Reason,
            },
            cancellationToken: cancellationToken));
    }

    private class AccountRow
    {
        public string Status { get; init; } = string.Empty;

        public DateTimeOffset? LockedUntil { get; init; }

        public string? Reason { get; init; }
    }

    private sealed class BarredRow : AccountRow
    {
        public string Channel { get; init; } = string.Empty;

        public string UserId { get; init; } = string.Empty;
    }
}
