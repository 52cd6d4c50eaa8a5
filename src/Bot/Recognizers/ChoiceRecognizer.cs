using System.Globalization;
using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Finds the option meant by a reply: its number in the list, then an exact match of value, title or synonym,
/// then the same without diacritics, then an unambiguous prefix, then the option whose form the reply contains
/// (the longest such form wins: "gửi, đừng công khai" is "đừng công khai", not "gửi"). A reply that says no
/// ("đừng", "không", "chưa") outside the form it contains is not taken as that option ("đừng gửi" is not "gửi"),
/// unless the form says no itself ("Không, đừng gửi" is "đừng gửi"); nor when the rest of it names another option.
/// </summary>
public static class ChoiceRecognizer
{
    private const int MinimumPartialLength = 3;

    // No, and not now: "k gửi", "hông gửi", "khỏi gửi", "gửi sau", "mai gửi" are not "gửi". Word by word as typed: "đúng,
    // gửi đi" holds no "đừng", a bare "dung gui" may ("dung" is đúng, đừng or dừng).
    private static readonly Phrases Negations = Phrases.Marked(
        "đừng", "không", "ko", "k", "kg", "hông", "hổng", "hok", "khum", "khỏi", "chưa", "khoan", "thôi", "sau", "mai", "chút nữa", "lát nữa", "để sau");

    public static Choice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var normalized = VietnameseText.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        var number = normalized.TrimEnd('.', ')');
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= choices.Count)
        {
            return choices[index - 1];
        }

        var exact = Single(choices, c => Forms(c).Any(f => VietnameseText.Normalize(f) == normalized));
        if (exact is not null)
        {
            return exact;
        }

        var folded = VietnameseText.Fold(text);
        var foldedExact = Single(choices, c => Forms(c).Any(f => VietnameseText.Fold(f) == folded));
        if (foldedExact is not null || folded.Length < MinimumPartialLength)
        {
            return foldedExact;
        }

        // "không", "chưa" alone name no option, though options start with them ("Không hài lòng", "Không đồng ý kết quả").
        var words = Phrases.WordsOf(text);
        if (Negations.LengthAt(words, 0) == words.Count)
        {
            return null;
        }

        // Whole words only: "khong co" is not the start of "khong cong khai".
        var prefix = Single(choices, c => Forms(c).Any(f => WholeWords.StartWith(VietnameseText.Fold(f), folded)));
        if (prefix is not null)
        {
            return prefix;
        }

        // Whole words again ("thủy" does not hold "hủy", nor "thành" "ảnh"), and not across punctuation ("không, gửi đi"
        // holds "gửi đi", not "không gửi").
        // Each word as typed, too: "đợi chút" holds no "đổi", though both fold to "doi". Folding maps each letter to one
        // letter, so the reply as typed lines up with its folded form (or, if not, is not compared).
        var typed = VietnameseText.TrimNonWords(normalized);
        var aligned = typed.Length == folded.Length;
        var contained = choices
            .SelectMany(c => Forms(c).Select(f => (Choice: c, Form: VietnameseText.Fold(f), Typed: f)))
            .Where(x => x.Form.Length >= MinimumPartialLength && WholeWords.IndexIn(folded, x.Form) is var at and >= 0
                && (!aligned || Phrases.SameAsTyped(x.Typed, typed.Substring(at, x.Form.Length))))
            .Select(x => (x.Choice, x.Form))
            .OrderByDescending(x => x.Form.Length)
            .ToList();
        if (contained.Count > 0)
        {
            var (choice, form) = contained[0];
            var longestTie = contained.Any(x => x.Form.Length == form.Length && x.Choice != choice);
            var at = WholeWords.IndexIn(folded, form);
            var outside = folded.Remove(at, form.Length);
            return longestTie || (!Negations.AnyIn(form) && Negations.AnyIn(aligned ? typed.Remove(at, form.Length) : outside))
                || NamesAnother(outside, choice, choices) ? null : choice;
        }

        return Single(choices, c => Forms(c).Any(f =>
        {
            var form = VietnameseText.Fold(f);
            return form.Length >= MinimumPartialLength && $" {form} ".Contains($" {folded} ", StringComparison.Ordinal);
        }));
    }

    /// <summary>
    /// Whether what is left of the reply names another option too ("đừng gửi vội, để tôi sửa tên" holds "Hủy" and
    /// "Sửa"): asked again rather than guessed. An option whose title shares a word with the chosen one's is a variant
    /// of it, not another ("gửi đi, đừng công khai" is "Gửi, giữ kín", a way of "Gửi").
    /// </summary>
    private static bool NamesAnother(string outside, Choice chosen, IReadOnlyList<Choice> choices)
    {
        var chosenWords = TitleWords(chosen);
        return choices.Where(c => c != chosen && !TitleWords(c).Overlaps(chosenWords))
            .SelectMany(Forms)
            .Select(VietnameseText.Fold)
            .Any(f => f.Length >= MinimumPartialLength && WholeWords.IndexIn(outside, f) >= 0);
    }

    private static HashSet<string> TitleWords(Choice choice) =>
        [.. Screening.Phrases.Words(choice.Title, folded: true).Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<string> Forms(Choice choice) => [choice.Value, choice.Title, .. choice.Synonyms];

    // Ambiguity is a miss: better to ask again than to pick the wrong category.
    private static Choice? Single(IReadOnlyList<Choice> choices, Func<Choice, bool> matches)
    {
        Choice? found = null;
        foreach (var choice in choices)
        {
            if (!matches(choice))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = choice;
        }

        return found;
    }
}
