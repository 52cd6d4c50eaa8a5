using System.Globalization;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Prompts;

internal sealed class TextRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var text = activity.Text?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        return string.IsNullOrEmpty(text) ? PromptRecognition.Failed(PromptReasons.Empty) : PromptRecognition.Of(text);
    }
}

/// <summary>A name without what surrounds it: punctuation, emoji, "tôi tên là" ("Tôi tên là Nguyễn Văn An 😊").</summary>
internal sealed class NameRecognizer : IPromptRecognizer
{
    private static readonly Screening.Phrases Introductions = Screening.Phrases.Marked(
        "tôi tên là", "tên tôi là", "tôi là", "tên là", "em tên là", "em là", "mình tên là", "mình là", "họ tên là", "họ tên");

    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var text = VietnameseText.TrimNonWords((activity.Text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC).Trim());
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var introduction = Introductions.LengthAt(Screening.Phrases.WordsOf(text), 0);
        if (introduction > 0 && introduction < words.Length)
        {
            words = words[introduction..];
        }

        return words.Length == 0 ? PromptRecognition.Failed(PromptReasons.Empty) : PromptRecognition.Of(VietnameseText.TrimNonWords(string.Join(' ', words)));
    }
}

internal sealed class ChoicePromptRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        // A tapped button's payload is exact; a tracking code typed in any form ("th 7k3m 9q2a") picks the case it
        // names; other typed text goes through the fuzzy matcher.
        var payload = activity.GetButtonPayload();
        var byPayload = payload is null ? null : choices.FirstOrDefault(c => c.Value == payload);
        var choice = byPayload ?? ByCaseCode(activity.Text, choices) ?? ChoiceRecognizer.Recognize(activity.Text, choices);
        return choice is null ? PromptRecognition.Failed(PromptReasons.NoMatch) : PromptRecognition.Of(choice);
    }

    /// <summary>The choice whose value is the code found in <paramref name="text"/>, both in the workflow's canonical form.</summary>
    private static Choice? ByCaseCode(string? text, IReadOnlyList<Choice> choices) =>
        CaseCodeText.Find(text) is { } code
            ? choices.FirstOrDefault(c => string.Equals(Workflow.Cases.CaseCodeGenerator.Normalize(c.Value), code, StringComparison.Ordinal))
            : null;
}

internal sealed class ConfirmRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var answer = YesNoRecognizer.Recognize(activity.GetButtonPayload() ?? activity.Text);
        return answer is null ? PromptRecognition.Failed(PromptReasons.NotYesNo) : PromptRecognition.Of(answer.Value);
    }
}

internal sealed class NumberRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        // Vietnamese writes 1.000,5; accept that and the invariant form.
        var text = VietnameseText.Normalize(activity.Text);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"), out var vi) ? PromptRecognition.Of(vi)
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) ? PromptRecognition.Of(invariant)
            : PromptRecognition.Failed(PromptReasons.NotNumber);
    }
}

/// <summary>
/// A Vietnamese number a citizen can be called back on, by the same rule the filing applies
/// (<see cref="Workflow.Citizens.PhoneNumber"/>: no foreign, toll-free or premium-rate numbers), read from the one number
/// in the reply ("0912 345 678 (Zalo)", "sđt: 0912.345.678").
/// </summary>
internal sealed partial class PhoneRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var numbers = Number().Matches(activity.Text ?? string.Empty);
        return numbers.Count == 1 && Workflow.Citizens.PhoneNumber.Validate(numbers[0].Value) is { Value: { } phone }
            ? PromptRecognition.Of(phone.E164)
            : PromptRecognition.Failed(PromptReasons.InvalidPhone);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\(?\d[\d\s.\-()]*\d")]
    private static partial System.Text.RegularExpressions.Regex Number();
}

/// <summary>
/// The one number in the reply, however grouped and labelled ("MST: 0101 243 150", "0101243150-001"), if it is a
/// valid tax code; two numbers are not guessed between.
/// </summary>
internal sealed partial class TaxCodeRecognizer(ITaxCodeValidator validator) : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var numbers = Number().Matches(activity.Text ?? string.Empty);
        var code = numbers.Count == 1 ? string.Concat(numbers[0].Value.Where(c => c is not (' ' or '.'))) : null;
        return code is not null && validator.IsValid(code) ? PromptRecognition.Of(code) : PromptRecognition.Failed(PromptReasons.InvalidTaxCode);
    }

    // Digits grouped by spaces or dots, with a branch suffix after a dash ("0100109106-001", "0100109106 - 001").
    [System.Text.RegularExpressions.GeneratedRegex(@"\d(?:[ .]?\d)*(?:\s*-\s*\d{3})?")]
    private static partial System.Text.RegularExpressions.Regex Number();
}

internal sealed class AttachmentRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var files = SharedFile.AllOf(activity);
        return files.Count > 0 ? PromptRecognition.Of(files) : PromptRecognition.Failed(PromptReasons.NoAttachment);
    }
}

internal sealed class LocationRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices) =>
        activity.GetLocation() is { } at
            ? PromptRecognition.Of(new SharedLocation(at.Latitude, at.Longitude, at.Name))
            : PromptRecognition.Failed(PromptReasons.NoLocation);
}

/// <summary>
/// Files, else a location (what <see cref="AttachmentRecognizer"/> or <see cref="LocationRecognizer"/> takes), else a
/// text long enough to be more of the content: platforms send each message apart, and citizens go on writing.
/// </summary>
internal sealed class EvidenceRecognizer : IPromptRecognizer
{
    private static readonly AttachmentRecognizer Files = new();
    private static readonly LocationRecognizer Location = new();

    /// <summary>
    /// What a text needs to be taken as more of the content rather than a word about the question ("ok", "thêm ảnh nữa
    /// nhé"): a sentence of a few words.
    /// </summary>
    public const int MinimumLettersOfMore = 20;

    public const int MinimumWordsOfMore = 5;

    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices) =>
        Files.Recognize(activity, choices) is { Succeeded: true } files ? files
            : Location.Recognize(activity, choices) is { Succeeded: true } location ? location
            : activity.Text?.Trim() is { } text && text.Count(char.IsLetter) >= MinimumLettersOfMore
              && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= MinimumWordsOfMore
              && !AboutPhotos.AnyIn(text)
                ? PromptRecognition.Of(new SharedMessage(text, [])) // the citizen goes on describing: more of the content
            : PromptRecognition.Failed(PromptReasons.NoEvidence);

    // Words about the question itself ("tôi chưa chụp được ảnh", "không có ảnh, bỏ qua nhé"): no part of the content.
    private static readonly Screening.Phrases AboutPhotos = Screening.Phrases.Marked(
        "chụp", "gửi sau", "không có", "chưa có", "bỏ qua", "tệp", "video", "gửi ảnh", "có ảnh", "hình ảnh", "ảnh nào", "vị trí");
}

/// <summary>
/// A free answer: the text and files of one message, unless it is exactly one of the prompt's choices (a tapped
/// button, or its title or a synonym typed alone). Exact only: "gửi thêm ảnh" is content, not the "gửi" button.
/// </summary>
internal sealed class MessageRecognizer : IPromptRecognizer
{
    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var payload = activity.GetButtonPayload();
        var folded = VietnameseText.Fold(payload ?? activity.Text);
        var choice = choices.FirstOrDefault(c => c.Value == payload
            || (folded.Length > 0 && new[] { c.Value, c.Title }.Concat(c.Synonyms).Any(f => VietnameseText.Fold(f) == folded)));
        if (choice is not null)
        {
            return PromptRecognition.Of(choice);
        }

        var text = activity.Text?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        var files = SharedFile.AllOf(activity);
        return string.IsNullOrEmpty(text) && files.Count == 0
            ? PromptRecognition.Failed(PromptReasons.Empty)
            : PromptRecognition.Of(new SharedMessage(string.IsNullOrEmpty(text) ? null : text, files));
    }
}

/// <summary>A tracking code as typed: spaces, a leading <c>#</c> and letter case do not matter.</summary>
internal sealed class CaseCodeRecognizer : IPromptRecognizer
{
    public const int MinimumLength = 4;
    public const int MaximumLength = 24;

    public PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        var text = activity.GetButtonPayload() ?? activity.Text;
        var code = CaseCodeText.Find(text) ?? CaseCodeText.Clean(text);
        return code is null ? PromptRecognition.Failed(PromptReasons.InvalidCode) : PromptRecognition.Of(code);
    }
}
