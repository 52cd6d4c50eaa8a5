using PhanHoi.Bot.Dialogs.Validators;
using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Api.Cases;

/// <summary>
/// What the bot checks before filing, for a PAKN that reception types in (CONTRACT: "same validation as the bot"): the
/// content's length and scope (Art. 1.2, 7.4–7.6), full names, and attachments that are web links, never scripts or
/// local files.
/// </summary>
public static class StaffIntakeChecks
{
    public static void Content(IDictionary<string, string[]> errors, string content)
    {
        if (content.Length == 0)
        {
            return; // "content is required" comes from the workflow's own validation
        }

        var length = ContentLengthValidator.ReasonFor(content);
        if (length == "tooShort")
        {
            errors["content"] = [$"content is too short: at least {ContentLengthValidator.Minimum} characters, {ContentLengthValidator.MinimumLetters} of them letters, saying what, where and since when (Art. 7)."];
        }
        else if (length == "tooLong")
        {
            errors["content"] = [$"content is longer than {ContentLengthValidator.Maximum} characters."];
        }
        else if (ContentScreen.Check(content) is { } reason)
        {
            errors["content"] = [ReasonText(reason)];
        }
    }

    /// <summary>A family and a given name, letters only, as the bot asks for (Art. 7: the sender's full name).</summary>
    public static void Name(IDictionary<string, string[]> errors, string field, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name) && !FullNameValidator.IsFullName(name))
        {
            errors[field] = [$"{field} must be a full name: family and given name, letters only."]; // blank is the workflow's "required"
        }
    }

    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string ReasonText(string reason) => reason switch
    {
        ScreeningReasons.OutOfScope => "content reads as a complaint or denunciation (khiếu nại, tố cáo), which is not a PAKN (Art. 1.2); it belongs to the complaint and denunciation procedure.",
        ScreeningReasons.LegalAdvice => "content asks for legal advice, which the PAKN system does not give (Art. 7.4–7.6).",
        ScreeningReasons.Insulting => "content contains insulting language (Art. 7.4–7.6).",
        ScreeningReasons.Advertising => "content reads as advertising (Art. 7.4–7.6).",
        _ => $"content cannot be filed ({reason}).",
    };
}
