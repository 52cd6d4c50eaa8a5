using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>Turns a citizen's message into a typed value for one kind of prompt.</summary>
public interface IPromptRecognizer
{
    PromptRecognition Recognize(Activity activity, IReadOnlyList<Choice> choices);
}
