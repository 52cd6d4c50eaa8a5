using System.Globalization;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Validators;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Tests.Support;

namespace PhanHoi.Bot.Tests.Dialogs;

public sealed class DialogEngineTests
{
    private static PromptDefinition Prompt(string id, PromptType type, string text, int maxRetries = 2, Dictionary<string, string>? retry = null) =>
        new(id, type, text, retry ?? [], [], null, [], maxRetries, false, null, new SourceLocation("test", 1));

    /// <summary>root: name → age → ok → "done" with the three values; "child" is a nested waterfall.</summary>
    private static DialogSet Sample(MessageCatalog texts)
    {
        var set = new DialogSet()
            .Add(new PromptDialog(Prompt("name", PromptType.Text, "t.name"), new TextRecognizer(), [new FullNameValidator()]))
            .Add(new PromptDialog(Prompt("age", PromptType.Number, "t.age", 1, new() { ["notNumber"] = "t.age.notNumber" }), new NumberRecognizer(), []))
            .Add(new PromptDialog(Prompt("ok", PromptType.Confirm, "t.ok"), new ConfirmRecognizer(), []))
            .Add(new WaterfallDialog("child", [(s, ct) => s.PromptAsync("name", null, ct), (s, ct) => s.EndAsync(s.Result, ct)]));
        set.Add(new WaterfallDialog("root",
        [
            (s, ct) => s.PromptAsync("name", null, ct),
            (s, ct) =>
            {
                s.Values["name"] = (string)s.Result!;
                return s.PromptAsync("age", null, ct);
            },
            (s, ct) =>
            {
                s.Values["age"] = ((decimal)s.Result!).ToString(CultureInfo.InvariantCulture);
                return s.PromptAsync("ok", new Dictionary<string, string> { ["name"] = s.Values["name"]!.GetValue<string>() }, ct);
            },
            async (s, ct) =>
            {
                s.Values["ok"] = (bool)s.Result! ? "có" : "không";
                await s.SendAsync("t.done", s.Values.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()), ct);
                return await s.EndAsync(s.Values, ct);
            },
        ]));
        return set;
    }

    [Fact]
    public async Task Waterfall_advances_through_prompts_and_ends_with_the_collected_values()
    {
        var chat = new DialogHarness(Sample);

        await chat.SayAsync("xin chào");
        Assert.Equal("Tên?", chat.LastText);
        await chat.SayAsync("Nguyễn Văn An");
        Assert.Equal("Tuổi?", chat.LastText);
        await chat.SayAsync("42");
        Assert.Equal("Đúng chưa, Nguyễn Văn An?", chat.LastText);
        Assert.Equal(InputHints.ExpectingInput, chat.Sender.Sent[^1].InputHint);
        Assert.Equal(["Có", "Không"], chat.Sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));
        var result = await chat.SayAsync("vâng");

        Assert.Equal(DialogTurnStatus.Complete, result.Status);
        Assert.Equal("Xong: Nguyễn Văn An, 42, có", chat.LastText);
        Assert.Equal("42", ((JsonObject)result.Result!)["age"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_answer_is_asked_again_with_the_text_for_its_reason()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");

        await chat.SayAsync("An");
        Assert.Equal("Tên?", chat.LastText); // no retry text for notFullName: the question again
        await chat.SayAsync("Nguyễn Văn An");
        await chat.SayAsync("bốn mươi");

        Assert.Equal("Tuổi phải là số.", chat.LastText);
    }

    [Fact]
    public async Task After_the_retry_limit_of_a_first_question_the_bot_gives_up_kindly_and_forgets_the_dialog()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");

        await chat.SayAsync("A"); // the name allows two retries
        await chat.SayAsync("B");
        var result = await chat.SayAsync("C");

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Equal(chat.Texts.Render(MessageKeys.GiveUp), chat.LastText);
        await chat.SayAsync("lại");
        Assert.Equal("Tên?", chat.LastText);
    }

    [Fact]
    public async Task After_the_retry_limit_of_a_later_question_what_was_given_is_kept_and_the_question_asked_again()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");
        await chat.SayAsync("Nguyễn Văn An");

        await chat.SayAsync("abc"); // age allows one retry
        var result = await chat.SayAsync("xyz");

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal([chat.Texts.Render(MessageKeys.StillAsking), "Tuổi?"], chat.Sender.Sent.TakeLast(2).Select(a => a.Text));
        await chat.SayAsync("42");
        Assert.Equal("Đúng chưa, Nguyễn Văn An?", chat.LastText);
    }

    [Theory]
    [InlineData("hủy")]
    [InlineData("Huy")]
    [InlineData("thoát")]
    [InlineData("thoat")]
    public async Task Cancel_at_any_step_clears_the_whole_stack(string word)
    {
        var chat = new DialogHarness(Sample);
        var nested = new DialogHarness(texts =>
        {
            var set = new DialogSet();
            foreach (var id in new[] { "name", "child" })
            {
                set.Add(Sample(texts).Get(id));
            }

            set.Add(new WaterfallDialog("root", [(s, ct) => s.BeginDialogAsync("child", null, ct), (s, ct) => s.EndAsync(null, ct)]));
            return set;
        });
        await nested.SayAsync("bắt đầu");
        Assert.Equal("Tên?", nested.LastText);

        var result = await nested.SayAsync(word);

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Equal(nested.Texts.Render(MessageKeys.CancelDone), nested.LastText);
        var stored = await nested.Store.GetAsync("webchat/conversations/conv-u1", CancellationToken.None);
        Assert.DoesNotContain("child", System.Text.Encoding.UTF8.GetString(stored!.Value));
        await chat.SayAsync(word);
        Assert.Equal(chat.Texts.Render(MessageKeys.CancelNothing), chat.LastText);
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("trợ giúp")]
    [InlineData("tro giup")]
    [InlineData("help")]
    public async Task Help_at_any_step_shows_help_then_repeats_the_question(string word)
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");
        await chat.SayAsync("Nguyễn Văn An");

        var result = await chat.SayAsync(word);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal([chat.Texts.Render(MessageKeys.Help), "Tuổi?"], chat.Sender.Texts.TakeLast(2));
        await chat.SayAsync("30");
        Assert.Equal("Đúng chưa, Nguyễn Văn An?", chat.LastText);
    }

    [Fact]
    public async Task Dialog_resumes_hours_later_from_stored_state_after_a_restart()
    {
        var store = new PhanHoi.Bot.State.InProcessBotStateStore(TimeProvider.System);
        var before = new DialogHarness(Sample, store);
        await before.SayAsync("bắt đầu");
        await before.SayAsync("Nguyễn Văn An");

        var after = new DialogHarness(Sample, store);
        after.Time.Advance(TimeSpan.FromHours(5));
        await after.SayAsync("35");

        Assert.Equal("Đúng chưa, Nguyễn Văn An?", after.LastText);
    }

    [Fact]
    public async Task Dialog_left_longer_than_the_expiry_starts_fresh_with_a_note()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");
        await chat.SayAsync("Nguyễn Văn An");

        chat.Time.Advance(TimeSpan.FromHours(25));
        await chat.SayAsync("35");

        Assert.Equal([chat.Texts.Render(MessageKeys.Expired), "Tên?"], chat.Sender.Texts.TakeLast(2));
    }

    [Fact]
    public async Task Non_message_activities_do_not_consume_a_prompt()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");
        var typing = Messages.From("u1", null);
        typing.Type = ActivityTypes.Typing;

        var result = await chat.SendAsync(typing);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        await chat.SayAsync("Nguyễn Văn An");
        Assert.Equal("Tuổi?", chat.LastText);
    }

    [Fact]
    public async Task Stored_state_of_a_conversation_mid_dialog_is_compact()
    {
        var chat = new DialogHarness(Sample);
        await chat.SayAsync("bắt đầu");
        await chat.SayAsync("Nguyễn Văn An");

        var stored = await chat.Store.GetAsync("webchat/conversations/conv-u1", CancellationToken.None);

        Assert.True(stored!.Value.Length < 300, System.Text.Encoding.UTF8.GetString(stored.Value));
    }
}
