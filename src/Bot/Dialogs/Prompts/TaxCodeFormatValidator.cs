using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// A tax code as the workflow will accept it when the PAKN is filed (SPEC §2, <see cref="TaxCode"/>): 10 digits whose
/// last is the check digit, 13 as <c>10digits-3digits</c> for branches, or a valid 12-digit personal identification
/// number. One rule for both, so a code the bot took can never make the filing fail.
/// </summary>
public sealed class TaxCodeFormatValidator(TimeProvider clock) : ITaxCodeValidator
{
    public bool IsValid(string taxCode) => TaxCode.Validate(taxCode, LocalClock.LocalDate(clock.GetUtcNow())).IsValid;
}
