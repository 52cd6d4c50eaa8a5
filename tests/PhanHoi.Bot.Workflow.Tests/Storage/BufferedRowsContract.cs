using Dapper;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary><see cref="BufferedRows"/> maps as Dapper's own queries do, on either engine, for rows of any size.</summary>
public abstract class BufferedRowsContract(StoreFixture store)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rows_far_larger_than_the_drivers_read_buffer_come_back_whole_and_in_order()
    {
        await using var connection = await store.Database.OpenAsync(None);
        var sql = store.IsPostgres
            ? "SELECT g AS Id, repeat(chr(7841), 6000 + g) AS Text FROM generate_series(1, 40) AS g ORDER BY g"
            : "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 40) " +
              "SELECT n AS Id, replace(hex(zeroblob(6000 + n)), '00', 'ạ') AS Text FROM g ORDER BY n";

        var rows = await connection.QueryRowsAsync<Row>(new CommandDefinition(sql, cancellationToken: None));

        Assert.Equal(Enumerable.Range(1, 40), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(new string('ạ', 6000 + r.Id), r.Text)); // ≈ 18 KB of UTF-8 each
    }

    [Fact]
    public async Task A_single_column_is_converted_and_a_missing_or_null_value_is_the_default()
    {
        await using var connection = await store.Database.OpenAsync(None);

        Assert.Equal([7, 8], await connection.QueryRowsAsync<int>(new CommandDefinition("SELECT 7 UNION ALL SELECT 8", cancellationToken: None)));
        Assert.Null(await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition("SELECT 'x' WHERE 1 = 0", cancellationToken: None)));
        Assert.Null(await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition("SELECT NULL", cancellationToken: None)));
        Assert.Equal("một", await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition("SELECT 'một'", cancellationToken: None)));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            connection.QueryRowOrDefaultAsync<int>(new CommandDefinition("SELECT 1 UNION ALL SELECT 2", cancellationToken: None)));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            connection.QueryRowsAsync<int>(new CommandDefinition("SELECT NULL", cancellationToken: None))); // not a silent 0
        Assert.Equal([null], await connection.QueryRowsAsync<int?>(new CommandDefinition("SELECT NULL", cancellationToken: None)));
    }

    [Fact]
    public async Task Several_result_sets_are_read_one_after_another()
    {
        await using var connection = await store.Database.OpenAsync(None);
        var command = new CommandDefinition("SELECT 1 AS Id, 'a' AS Text; SELECT 2 AS Id, 'b' AS Text UNION ALL SELECT 3, 'c'", cancellationToken: None);

        var (first, second) = await connection.ReadAsync(command, async reader =>
            (await reader.ReadRowsAsync<Row>(None), await reader.ReadNextRowsAsync<Row>(None)));
        var oneTooMany = connection.ReadAsync(command, async reader =>
            (await reader.ReadRowsAsync<Row>(None), await reader.ReadNextRowsAsync<Row>(None), await reader.ReadNextRowsAsync<Row>(None)));

        Assert.Equal([(1, "a")], first.Select(r => (r.Id, r.Text)));
        Assert.Equal([(2, "b"), (3, "c")], second.Select(r => (r.Id, r.Text)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => oneTooMany); // a missing result set is not an empty one
        Assert.Equal([4], await connection.QueryRowsAsync<int>(new CommandDefinition("SELECT 4", cancellationToken: None))); // the connection is fine after
    }

    private sealed class Row
    {
        public int Id { get; init; }

        public string Text { get; init; } = string.Empty;
    }
}

public sealed class BufferedRowsSqliteTests(SqliteStoreFixture store) : BufferedRowsContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class BufferedRowsPostgresTests(PostgresStoreFixture store) : BufferedRowsContract(store), IClassFixture<PostgresStoreFixture>;
