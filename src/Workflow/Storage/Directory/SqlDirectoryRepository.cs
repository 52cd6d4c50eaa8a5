using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Agencies and categories. Categories keep the order they were added in (the bot lists them that way).</summary>
public sealed class SqlDirectoryRepository(StoreDatabase database) : IDirectoryRepository
{
    private const string SelectCategory =
        "SELECT code AS Code, name AS Name, default_agency AS DefaultAgency, keywords AS Keywords FROM categories";

    public async Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<Agency>(new CommandDefinition(
            "SELECT code AS Code, name AS Name FROM agencies ORDER BY code", cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryRowOrDefaultAsync<Agency>(new CommandDefinition(
            "SELECT code AS Code, name AS Name FROM agencies WHERE code = @code", new { code }, cancellationToken: cancellationToken));
    }

    public async Task<bool> AddAgencyAsync(Agency agency, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO agencies (code, name) VALUES (@Code, @Name) ON CONFLICT (code) DO NOTHING", agency, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<CategoryRow>(new CommandDefinition(
            $"{SelectCategory} ORDER BY position, code", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCategory())];
    }

    public async Task<Category?> FindCategoryAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<CategoryRow>(new CommandDefinition(
            $"{SelectCategory} WHERE code = @code", new { code }, cancellationToken: cancellationToken));
        return row?.ToCategory();
    }

    public async Task<bool> AddCategoryAsync(Category category, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO categories (code, name, default_agency, keywords, position) " +
            $"SELECT @Code, @Name, @DefaultAgency, {database.Dialect.Json("@Keywords")}, COALESCE(MAX(position), 0) + 1 FROM categories WHERE 1 = 1 " + // WHERE: SQLite needs it before an upsert clause
            "ON CONFLICT (code) DO NOTHING",
            new
            {
                category.Code,
                category.Name,
                DefaultAgency = category.DefaultAgencyCode,
                Keywords = JsonSerializer.Serialize(category.Keywords.IsDefault ? [] : category.Keywords, StorageJson.Options),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return added == 1;
    }

    private sealed class CategoryRow
    {
        public string Code { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string? DefaultAgency { get; init; }

        public string Keywords { get; init; } = "[]";

        public Category ToCategory() => new(
            Code, Name, DefaultAgency, JsonSerializer.Deserialize<ImmutableArray<string>>(Keywords, StorageJson.Options));
    }
}
