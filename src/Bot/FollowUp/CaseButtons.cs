using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// Buttons that act on one case from any message (a notice, a lookup): their hidden value names the dialog and the
/// case, <c>rate:TH-0042</c>, and <see cref="CaseShortcutRouter"/> starts that dialog when one is tapped.
/// </summary>
public static class CaseButtons
{
    public const string Lookup = "lookup";
    public const string Supplement = "supplement";
    public const string Rebut = "rebut";
    public const string Rate = "rate";
    public const string Withdraw = "withdraw";

    /// <summary>The dialogs a button may start, by the citizen action they perform.</summary>
    public static IReadOnlyDictionary<CaseAction, string> DialogFor { get; } = new Dictionary<CaseAction, string>
    {
        [CaseAction.Supplement] = Supplement,
        [CaseAction.Rebut] = Rebut,
        [CaseAction.Rate] = Rate,
        [CaseAction.Withdraw] = Withdraw,
    };

    private static readonly HashSet<string> Dialogs = [Lookup, Supplement, Rebut, Rate, Withdraw];

    public static string Payload(string dialog, string code) => $"{dialog}:{code}";

    public static CardAction For(CaseAction action, string code, MessageCatalog texts) =>
        CardAction.PostBack(texts.Render("button." + DialogFor[action]), Payload(DialogFor[action], code));

    /// <summary>The button that shows where the case stands (<c>button.lookup</c>).</summary>
    public static CardAction LookupFor(string code, MessageCatalog texts) =>
        CardAction.PostBack(texts.Render("button." + Lookup), Payload(Lookup, code));

    /// <summary>Buttons for what the citizen may do with the case now, in a stable order.</summary>
    public static List<CardAction> ForAllowed(IEnumerable<CaseAction> allowed, string code, MessageCatalog texts) =>
        [.. DialogFor.Keys.Where(allowed.Contains).Select(a => For(a, code, texts))];

    /// <summary>The dialog and case code of a tapped button, or null.</summary>
    public static (string Dialog, string Code)? Parse(string? payload)
    {
        var colon = payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        var dialog = payload![..colon].Trim();
        return Dialogs.Contains(dialog) && CaseCodeText.Clean(payload[(colon + 1)..]) is { } code ? (dialog, code) : null;
    }
}
