using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Desk;

/// <summary>Refuses commands that name an agency or category the directory does not know (HTTP 400).</summary>
public sealed class ReferenceChecker(IDirectoryRepository directory)
{
    public async Task<Refusal?> CheckCategoryAsync(string? category, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(category) || await directory.FindCategoryAsync(category, cancellationToken) is not null
            ? null
            : Invalid("category", $"Unknown category '{category}'.");

    public async Task<Refusal?> CheckCommandAsync(CaseCommand command, CancellationToken cancellationToken)
    {
        var (field, codes) = command switch
        {
            AcceptCommand { AgencyCode: { } code } => ("agencyCode", new[] { code }),
            TransferCommand { AgencyCode: { } code } => ("agencyCode", new[] { code }),
            AssignCommand { AgencyCode: { } code } when !string.IsNullOrWhiteSpace(code) => ("agencyCode", new[] { code }),
            CoordinateCommand { AgencyCodes.IsDefault: false } c => ("agencyCodes", c.AgencyCodes.ToArray()),
            _ => (string.Empty, Array.Empty<string>()),
        };

        foreach (var code in codes.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (await directory.FindAgencyAsync(code, cancellationToken) is null)
            {
                return Invalid(field, $"Unknown agency '{code}'.");
            }
        }

        return null;
    }

    private static Refusal Invalid(string field, string message) =>
        new(RefusalKind.Invalid, message, [], ImmutableDictionary<string, string[]>.Empty.Add(field, [message]));
}
