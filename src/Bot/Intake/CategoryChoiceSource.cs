using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Intake;

/// <summary>The managed list of categories (lĩnh vực) as choices; keywords double as synonyms.</summary>
public sealed class CategoryChoiceSource(IDirectoryRepository directory) : IChoiceSource
{
    public string Name => "categories";

    public async Task<IReadOnlyList<Choice>> GetChoicesAsync(Activities.Activity activity, CancellationToken cancellationToken)
    {
        var categories = await directory.ListCategoriesAsync(cancellationToken);
        return [.. categories.Select(c => new Choice(c.Code, c.Name, c.Keywords.IsDefault ? [] : [.. c.Keywords]))];
    }
}
