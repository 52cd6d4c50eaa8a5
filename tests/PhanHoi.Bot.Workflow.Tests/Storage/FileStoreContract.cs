using System.Text;
using PhanHoi.Bot.Workflow.Files;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>Attached files survive restarts and other instances, encrypted at rest.</summary>
public abstract class FileStoreContract(StoreFixture store)
{
    [Fact]
    public async Task A_file_is_read_back_by_another_instance_and_its_bytes_are_not_stored_in_clear()
    {
        var marker = "CCCD 038095001234 Nguyen Van An";
        var file = new StoredFile("f" + Guid.NewGuid().ToString("N")[..23], "image/png", "cccd.png", Encoding.UTF8.GetBytes(marker), DateTimeOffset.UtcNow);
        await new SqlFileStore(store.Database, store.Protector).SaveAsync(file, CancellationToken.None);

        await using var another = store.OpenAnother();
        var read = await new SqlFileStore(another, store.Protector).FindAsync(file.Id, CancellationToken.None);
        var missing = await new SqlFileStore(another, store.Protector).FindAsync("nope", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(file.Content, read.Content);
        Assert.Equal(("image/png", "cccd.png"), (read.ContentType, read.Name));
        Assert.Null(missing);
        await using var connection = await another.OpenAsync(CancellationToken.None);
        var raw = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT content FROM files WHERE id = @id", new { id = file.Id });
        Assert.DoesNotContain(Convert.ToBase64String(file.Content), raw!, StringComparison.Ordinal);
    }
}

public sealed class FileStoreOnSqliteTests(SqliteStoreFixture store) : FileStoreContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class FileStoreOnPostgresTests(PostgresStoreFixture store) : FileStoreContract(store), IClassFixture<PostgresStoreFixture>;
