using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>
/// A full name: at least two words, letters only (Vietnamese names have a family and a given name), and not a phrase
/// no name holds ("quay lại", "ẩn danh", "không muốn nói", "phản ánh của tôi"; "Phan Anh Tuấn" is a name): the
/// sender's name is required (Art. 7).
/// </summary>
public sealed class FullNameValidator : IPromptValidator
{
    // As typed: "Phan Anh Tuấn" is a name, "phản ánh của tôi" is not. Folded only for a reply typed without diacritics,
    // and only phrases no name folds to.
    private static readonly Phrases NoNameHolds = Phrases.AsTyped(
        "không", "tôi", "của", "muốn", "ẩn danh", "bí mật", "giấu tên", "phản ánh", "kiến nghị", "quay lại", "trở lại", "bỏ qua",
        "tra cứu", "trợ giúp", "hướng dẫn", "xin chào", "cảm ơn");

    private static readonly Phrases NoNameHoldsFolded = Phrases.Folded(
        "khong", "cua toi", "an danh", "bi mat", "giau ten", "quay lai", "tro lai", "bo qua", "khong muon", "tra cuu", "tro giup",
        "huong dan", "xin chao", "cam on");

    public string Name => "fullName";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IsFullName(value as string) ? null : "notFullName");

    public static bool IsFullName(string? name)
    {
        var text = name?.Trim() ?? string.Empty;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && text.Length <= 100 && text.All(c => char.IsLetter(c) || c == ' ' || c == '\'' || c == '-')
            && !(Recognizers.VietnameseText.HasDiacritics(text) ? NoNameHolds : NoNameHoldsFolded).AnyIn(text);
    }
}
