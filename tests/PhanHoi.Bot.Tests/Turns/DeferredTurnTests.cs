using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Intake;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Tests.Turns;

/// <summary>
/// Turns whose replies are delivered after the turn (the webhook inbox): a message handed over again after a crash
/// gets the replies of the turn it already committed, once, and never a second run (SPEC §5, issue: kill -9 mid-turn).
/// </summary>
public sealed class DeferredTurnTests : IDisposable
{
    private readonly FakeCaseDesk _desk = new();
    private readonly ServiceProvider _services;

    public DeferredTurnTests()
    {
        _services = BotServices.Build(_desk);
    }

    public void Dispose() => _services.Dispose();

    private MessageCatalog Texts => _services.GetRequiredService<MessageCatalog>();

    private async Task<DeferredSender> RunAsync(Activity activity)
    {
        var sender = new DeferredSender();
        await _services.GetRequiredService<ActivityProcessor>().ProcessAsync(activity, sender, CancellationToken.None);
        return sender;
    }

    private Task<DeferredSender> SayAsync(string text) => RunAsync(Messages.From("u1", text));

    private static readonly string[] UpToConfirmation =
        ["xin chào", "Gửi phản ánh", "giao thong", "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã.", "bỏ qua", "Nguyễn Văn An", "0912345678", "không", "không"];

    private async Task<DeferredSender> ReachConfirmationAsync()
    {
        DeferredSender? last = null;
        foreach (var text in UpToConfirmation)
        {
            last = await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.confirm.ask"), last!.Texts[^1]);
        return last;
    }

    [Fact]
    public async Task A_submission_handed_over_again_after_its_turn_was_saved_gets_the_same_replies_and_files_once()
    {
        await ReachConfirmationAsync();
        var submit = Messages.From("u1", "gửi");

        var first = await RunAsync(submit);
        var again = await RunAsync(submit);

        var filed = Texts.Render("intake.filed", FakeCaseDesk.FiledValues("TH-0001"));
        Assert.Equal(filed, first.Texts[^1]);
        Assert.Equal(first.Texts, again.Texts);
        Assert.Single(_desk.Filed);

        // The conversation goes on from where the committed turn left it.
        var next = await SayAsync("xin chào");
        Assert.Equal(Texts.Render("menu.ask"), next.Texts[^1]);
    }

    [Fact]
    public async Task Only_a_turn_that_sent_its_journal_again_counts_as_a_replay()
    {
        await SayAsync("xin chào");
        var choice = Messages.From("u1", "Gửi phản ánh");
        var processor = _services.GetRequiredService<ActivityProcessor>();

        var first = await processor.ProcessAsync(choice, new DeferredSender(), CancellationToken.None);
        var again = await processor.ProcessAsync(choice, new DeferredSender(), CancellationToken.None);

        Assert.False(TurnJournal.WasReplayed(first));
        Assert.True(TurnJournal.WasReplayed(again));
    }

    [Fact]
    public async Task A_submission_whose_turn_was_cut_off_before_it_was_saved_answers_with_the_case_filed_the_first_time()
    {
        await ReachConfirmationAsync();
        var store = _services.GetRequiredService<IBotStateStore>();
        var key = StateKeys.Conversation(Messages.From("u1", "x"));
        var beforeSubmit = (await store.GetAsync(key, CancellationToken.None))!.Value;
        var submit = Messages.From("u1", "gửi");

        var first = await RunAsync(submit);
        await store.SetAsync(key, beforeSubmit, StateETags.Any, null, CancellationToken.None); // killed before the save
        var again = await RunAsync(submit);

        Assert.Equal(first.Texts, again.Texts);
        Assert.Equal(Texts.Render("intake.filed", FakeCaseDesk.FiledValues("TH-0001")), again.Texts[^1]);
        Assert.Single(_desk.Filed);
    }

    [Fact]
    public async Task A_redelivered_answer_does_not_move_the_dialog_twice()
    {
        await SayAsync("xin chào");
        var choice = Messages.From("u1", "Gửi phản ánh");
        var firstAttempt = await RunAsync(choice);
        var redelivered = await RunAsync(choice);

        Assert.Equal(Texts.Render("intake.category.ask"), firstAttempt.Texts[^1]);
        Assert.Equal(firstAttempt.Texts, redelivered.Texts);
        var next = await SayAsync("giao thong");
        Assert.Equal(Texts.Render("intake.content.ask"), next.Texts[^1]);
    }

    [Fact]
    public async Task The_saved_replies_are_encrypted_at_rest()
    {
        var summary = await ReachConfirmationAsync();

        Assert.Contains(summary.Texts, t => t.Contains("Nguyễn Văn An", StringComparison.Ordinal));
        var store = _services.GetRequiredService<IBotStateStore>();
        var stored = await store.GetAsync(StateKeys.Conversation(Messages.From("u1", "x")), CancellationToken.None);
        var text = Encoding.UTF8.GetString(stored!.Value);
        Assert.Contains("\"lastTurn\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguy\\u1EC5n", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("912345678", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_deferral_the_state_keeps_no_journal()
    {
        var sender = new RecordingSender();
        await _services.GetRequiredService<ActivityProcessor>().ProcessAsync(Messages.From("u1", "xin chào"), sender, CancellationToken.None);

        var stored = await _services.GetRequiredService<IBotStateStore>().GetAsync(StateKeys.Conversation(Messages.From("u1", "x")), CancellationToken.None);
        Assert.DoesNotContain("lastTurn", Encoding.UTF8.GetString(stored!.Value), StringComparison.Ordinal);
    }
}
