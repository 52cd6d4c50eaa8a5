using Npgsql;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>How many cases each simulated citizen has in the run's database.</summary>
public static class CaseLedger
{
    /// <summary>Cases per citizen for the given user ids (a citizen with none is absent).</summary>
    public static async Task<Dictionary<string, int>> CasesPerCitizenAsync(string connectionString, IReadOnlyCollection<string> users)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT citizen_user_id, count(*) FROM cases WHERE citizen_user_id = ANY(@users) GROUP BY citizen_user_id", connection);
        query.Parameters.AddWithValue("users", users.ToArray());
        var counts = new Dictionary<string, int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }
}
