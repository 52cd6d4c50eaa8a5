using System.Data;
using System.Data.Common;
using Dapper;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Dapper's mapping, with each row wholly received before it is mapped. Dapper's own async queries ask the driver for
/// <see cref="CommandBehavior.SequentialAccess"/> and then read columns with synchronous getters, so with Npgsql a row
/// not yet wholly received is read from the socket synchronously: a blocked pool thread under load, and with socket
/// completions run inline (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>) a blocked event loop that stalls every
/// connection of the process until the read times out. In the default behaviour <c>ReadAsync</c> buffers the row first.
/// </summary>
public static class BufferedRows
{
    public static Task<List<T>> QueryRowsAsync<T>(this DbConnection connection, CommandDefinition command) =>
        connection.ReadAsync(command, reader => reader.ReadRowsAsync<T>(command.CancellationToken));

    /// <summary>The only row, or <c>default</c> when there is none; more than one is an error (as Dapper's <c>QuerySingleOrDefault</c>).</summary>
    public static async Task<T?> QueryRowOrDefaultAsync<T>(this DbConnection connection, CommandDefinition command)
    {
        var rows = await connection.QueryRowsAsync<T>(command);
        return rows.Count switch
        {
            0 => default,
            1 => rows[0],
            _ => throw new InvalidOperationException("The query returned more than one row."),
        };
    }

    /// <summary>
    /// Runs <paramref name="command"/> and hands its reader to <paramref name="read"/>. The reader is closed
    /// asynchronously (whatever is left of the results is read off the socket) and only then disposed, which also
    /// disposes Dapper's command: Dapper's reader disposes its command only when disposed synchronously.
    /// </summary>
    public static async Task<TResult> ReadAsync<TResult>(this DbConnection connection, CommandDefinition command, Func<DbDataReader, Task<TResult>> read)
    {
        var reader = await connection.ExecuteReaderAsync(command, CommandBehavior.Default);
        try
        {
            return await read(reader);
        }
        finally
        {
            await reader.CloseAsync();
            reader.Dispose();
        }
    }

    /// <summary>The rows of the reader's current result set.</summary>
    public static async Task<List<T>> ReadRowsAsync<T>(this DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (reader.FieldCount == 0)
        {
            return rows;
        }

        var parse = reader.GetRowParser(typeof(T));
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(As<T>(parse(reader)));
        }

        return rows;
    }

    /// <summary>Moves to the next result set and reads its rows; a missing result set is an error, not an empty list.</summary>
    public static async Task<List<T>> ReadNextRowsAsync<T>(this DbDataReader reader, CancellationToken cancellationToken) =>
        await reader.NextResultAsync(cancellationToken)
            ? await reader.ReadRowsAsync<T>(cancellationToken)
            : throw new InvalidOperationException("The query returned fewer result sets than expected.");

    /// <summary>
    /// A mapped row as <typeparamref name="T"/>; a single column converted as Dapper's queries do (a SQLite <c>INTEGER</c>
    /// read as <c>int</c>), and a NULL refused where <typeparamref name="T"/> cannot hold it.
    /// </summary>
    private static T As<T>(object? value) => value switch
    {
        T typed => typed,
        null or DBNull when !typeof(T).IsValueType || Nullable.GetUnderlyingType(typeof(T)) is not null => default!,
        null or DBNull => throw new InvalidOperationException($"A NULL cannot be read as {typeof(T).Name}."),
        _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
    };
}
