namespace PhanHoi.Bot.Workflow.Directory;

/// <summary>Agencies and categories managed by administrators.</summary>
public interface IDirectoryRepository
{
    Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken);

    Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken);

    /// <summary>False when the code exists already.</summary>
    Task<bool> AddAgencyAsync(Agency agency, CancellationToken cancellationToken);

    Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken);

    Task<Category?> FindCategoryAsync(string code, CancellationToken cancellationToken);

    Task<bool> AddCategoryAsync(Category category, CancellationToken cancellationToken);
}
