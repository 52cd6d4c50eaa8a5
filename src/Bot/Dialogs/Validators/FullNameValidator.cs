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
    // Word by word as typed ("an danh ạ" is "ẩn danh"). Only as typed where a name folds to the same letters: "Phan Anh
    // Tuấn" is a name, "phản ánh của tôi" is not; "Vang" and "Anh" are names, "vâng" and "ảnh" are not.
    private static readonly Phrases NoNameHolds = Phrases.Marked(
        "không", "tôi", "của", "muốn", "ẩn danh", "bí mật", "giấu tên", "quay lại", "trở lại", "bỏ qua", "tra cứu", "trợ giúp",
        "hướng dẫn", "xin chào", "cảm ơn", "đồng ý", "tiếp tục", "ok", "để sau", "công dân", "làm gì", "bạn");

    private static readonly Phrases NoNameHoldsAsTyped = Phrases.AsTyped("phản ánh", "kiến nghị", "ảnh", "vâng");

    public string Name => "fullName";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IsFullName(value as string) ? null : "notFullName");

    public static bool IsFullName(string? name)
    {
        var text = name?.Trim() ?? string.Empty;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && text.Length <= 100 && text.All(c => char.IsLetter(c) || c == ' ' || c == '\'' || c == '-')
            && !NoNameHolds.AnyIn(text) && !NoNameHoldsAsTyped.AnyIn(text);
    }
}
