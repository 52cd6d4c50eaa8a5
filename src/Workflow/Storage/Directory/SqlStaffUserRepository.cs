using System.Collections.Immutable;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Staff accounts; usernames are unique regardless of case.</summary>
public sealed class SqlStaffUserRepository(StoreDatabase database) : IStaffUserRepository
{
    private const string SelectUser =
        "SELECT id AS Id, username AS Username, display_name AS DisplayName, password_hash AS PasswordHash, roles AS Roles, " +
        "agency_code AS AgencyCode, created_at AS CreatedAt, disabled_at AS DisabledAt FROM staff_users";

    public Task<StaffUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        FindAsync($"{SelectUser} WHERE username_key = @key", new { key = Key(username) }, cancellationToken);

    public Task<StaffUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        FindAsync($"{SelectUser} WHERE id = @id", new { id }, cancellationToken);

    public async Task<bool> AddAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO staff_users (id, username, username_key, display_name, password_hash, roles, agency_code, created_at) " +
            "VALUES (@Id, @Username, @UsernameKey, @DisplayName, @PasswordHash, @Roles, @AgencyCode, @CreatedAt) ON CONFLICT (username_key) DO NOTHING",
            new
            {
                user.Id,
                user.Username,
                UsernameKey = Key(user.Username),
                user.DisplayName,
                user.PasswordHash,
                Roles = string.Join(',', user.Roles.Select(StorageNames.Of).Order(StringComparer.Ordinal)),
                user.AgencyCode,
                user.CreatedAt,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM staff_users", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<UserRow>(new CommandDefinition($"{SelectUser} ORDER BY username_key", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUser())];
    }

    public async Task<bool> SetDisabledAsync(Guid id, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET disabled_at = @at WHERE id = @id", new { id, at }, cancellationToken: cancellationToken)) == 1;
    }

    private static string Key(string username) => username.Trim().ToLowerInvariant();

    private async Task<StaffUser?> FindAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<UserRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    private sealed class UserRow
    {
        public Guid Id { get; init; }

        public string Username { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public string PasswordHash { get; init; } = string.Empty;

        public string Roles { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? DisabledAt { get; init; }

        public StaffUser ToUser() => new(
            Id,
            Username,
            DisplayName,
            PasswordHash,
            Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(StorageNames.Parse<StaffRole>).ToImmutableHashSet(),
            AgencyCode,
            CreatedAt,
            DisabledAt);
    }
}
