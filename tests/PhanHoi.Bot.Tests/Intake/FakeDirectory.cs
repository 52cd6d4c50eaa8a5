using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Tests.Intake;

public sealed class FakeDirectory : IDirectoryRepository
{
    private readonly List<Category> _categories =
    [
        new("giao-thong", "Giao thông", null, ["đường", "ổ gà"]),
        new("moi-truong", "Môi trường", null, ["rác", "ô nhiễm"]),
        new("thue", "Thuế", null, ImmutableArray<string>.Empty),
    ];

    public Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Agency>>([]);

    private readonly List<Agency> _agencies = [];

    public Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(_agencies.FirstOrDefault(a => a.Code == code));

    public Task<bool> AddAgencyAsync(Agency agency, CancellationToken cancellationToken)
    {
        _agencies.Add(agency);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Category>>(_categories);

    public Task<Category?> FindCategoryAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(_categories.FirstOrDefault(c => c.Code == code));

    public Task<bool> AddCategoryAsync(Category category, CancellationToken cancellationToken) => Task.FromResult(false);
}
