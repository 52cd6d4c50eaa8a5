using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Tests.Dialogs;

/// <summary>One citizen talking to a dialog set, with state in a store that survives "restarts".</summary>
public sealed class DialogHarness(Func<MessageCatalog, DialogSet> dialogs, IBotStateStore? store = null, string user = "u1")
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7)));

    public IBotStateStore Store { get; } = store ?? new InProcessBotStateStore(TimeProvider.System);

    public RecordingSender Sender { get; } = new();

    public MessageCatalog Texts { get; } = TestTexts.Create();

    public BotOptions Options { get; } = new();

    public string LastText => Sender.Texts[^1];

    public async Task<DialogTurnResult> SayAsync(string? text) => await SendAsync(Messages.From(user, text));

    public async Task<DialogTurnResult> SendAsync(Activity activity)
    {
        // A new runner and dialog set each turn: nothing survives in memory between turns, as after a restart.
        var runner = new DialogRunner(
            dialogs(Texts),
            new BotState<ConversationData>(Store, StateKeys.Conversation, StateJsonContext.Default.ConversationData, Options.StateTtl),
            Texts,
            Time,
            Options);
        return await runner.RunAsync(new TurnContext(activity, Sender), "root", CancellationToken.None);
    }
}

public static class TestTexts
{
    public static MessageCatalog Create()
    {
        var real = DialogsFolder.Texts();
        var texts = real.Keys.ToDictionary(k => k, k => real.Render(k));
        texts["t.name"] = "Tên?";
        texts["t.age"] = "Tuổi?";
        texts["t.age.notNumber"] = "Tuổi phải là số.";
        texts["t.ok"] = "Đúng chưa, {name}?";
        texts["t.done"] = "Xong: {name}, {age}, {ok}";
        texts["t.child"] = "Câu hỏi con?";
        return new MessageCatalog(texts);
    }
}
