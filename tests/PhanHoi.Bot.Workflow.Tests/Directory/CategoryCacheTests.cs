using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Tests.Directory;

public sealed class CategoryCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly CountingDirectory store = new();

    [Fact]
    public async Task The_category_list_is_read_once_per_lifetime()
    {
        var cache = new CategoryCache(store, clock);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(["GT", "MT"], (await cache.ListCategoriesAsync(CancellationToken.None)).Select(c => c.Code));
            Assert.Equal("Môi trường", (await cache.FindCategoryAsync("MT", CancellationToken.None))!.Name);
        }

        Assert.Equal(1, store.CategoryReads);
        clock.Advance(CategoryCache.Lifetime);
        await cache.ListCategoriesAsync(CancellationToken.None);
        Assert.Equal(2, store.CategoryReads);
    }

    [Fact]
    public async Task A_category_added_here_is_listed_at_once_and_one_added_elsewhere_is_found()
    {
        var cache = new CategoryCache(store, clock);
        await cache.ListCategoriesAsync(CancellationToken.None);

        Assert.True(await cache.AddCategoryAsync(new Category("YT", "Y tế", null, []), CancellationToken.None));
        Assert.Contains("YT", (await cache.ListCategoriesAsync(CancellationToken.None)).Select(c => c.Code));

        await store.AddCategoryAsync(new Category("GD", "Giáo dục", null, []), CancellationToken.None); // another instance
        Assert.Equal("Giáo dục", (await cache.FindCategoryAsync("GD", CancellationToken.None))!.Name);
        Assert.Null(await cache.FindCategoryAsync("XX", CancellationToken.None));
    }

    [Fact]
    public async Task Agencies_are_always_read_from_the_store()
    {
        var cache = new CategoryCache(store, clock);

        await cache.FindAgencyAsync("-", CancellationToken.None);
        await cache.FindAgencyAsync("-", CancellationToken.None);

        Assert.Equal(2, store.AgencyReads);
    }

    private sealed class CountingDirectory : IDirectoryRepository
    {
        private readonly List<Category> categories = [new("GT", "Giao thông", null, []), new("MT", "Môi trường", null, [])];

        public int CategoryReads { get; private set; }

        public int AgencyReads { get; private set; }

        public Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Agency>>([]);

        public Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken)
        {
            AgencyReads++;
            return Task.FromResult<Agency?>(null);
        }

        public Task<bool> AddAgencyAsync(Agency agency, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken)
        {
            CategoryReads++;
            return Task.FromResult<IReadOnlyList<Category>>([.. categories]);
        }

        public Task<Category?> FindCategoryAsync(string code, CancellationToken cancellationToken) =>
            Task.FromResult(categories.FirstOrDefault(c => c.Code == code));

        public Task<bool> AddCategoryAsync(Category category, CancellationToken cancellationToken)
        {
            categories.Add(category);
            return Task.FromResult(true);
        }
    }
}
