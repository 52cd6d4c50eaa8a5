namespace PhanHoi.Bot.Workflow.Directory;

/// <summary>
/// Keeps the category list (read by the bot several times per intake) in memory for <see cref="Lifetime"/>. A category
/// added through this instance is visible at once; one added through another instance within the lifetime.
/// Agencies and everything else go to the store (the readiness check reads agencies to prove the store answers).
/// </summary>
public sealed class CategoryCache(IDirectoryRepository store, TimeProvider clock) : IDirectoryRepository
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Snapshot? current;

    public Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken) => store.ListAgenciesAsync(cancellationToken);

    public Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken) => store.FindAgencyAsync(code, cancellationToken);

    public Task<bool> AddAgencyAsync(Agency agency, CancellationToken cancellationToken) => store.AddAgencyAsync(agency, cancellationToken);

    public async Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Categories;

    public async Task<Category?> FindCategoryAsync(string code, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken);
        return snapshot.ByCode.TryGetValue(code, out var category)
            ? category
            : await store.FindCategoryAsync(code, cancellationToken); // added elsewhere since the snapshot, or unknown
    }

    public async Task<bool> AddCategoryAsync(Category category, CancellationToken cancellationToken)
    {
        var added = await store.AddCategoryAsync(category, cancellationToken);
        current = null;
        return added;
    }

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (current is { } snapshot && now - snapshot.ReadAt < Lifetime)
        {
            return snapshot;
        }

        var categories = await store.ListCategoriesAsync(cancellationToken);
        var fresh = new Snapshot(categories, categories.ToDictionary(c => c.Code, StringComparer.Ordinal), now);
        current = fresh;
        return fresh;
    }

    private sealed record Snapshot(IReadOnlyList<Category> Categories, Dictionary<string, Category> ByCode, DateTimeOffset ReadAt);
}
