using System.Text;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Tests.State;

/// <summary>
/// Personal answers and the last turn's replies are sealed in the stored bytes and clear in the loaded value, and each
/// is encrypted or decrypted once per turn at most: saving does not decrypt what it has just sealed, and the last
/// turn's replies are opened only when a replay reads them.
/// </summary>
public sealed class ConversationDataProtectionTests
{
    private readonly CountingProtector protector = new(new AesGcmTestProtector());
    private readonly InProcessBotStateStore store = new(TimeProvider.System);
    private readonly BotState<ConversationData> state;

    public ConversationDataProtectionTests()
    {
        state = new BotState<ConversationData>(
            store,
            activity => activity.Conversation!.Id!,
            StateJsonContext.Default.ConversationData,
            TimeSpan.FromHours(1),
            new ConversationDataProtection(protector, new HashSet<string> { "phone" }));
    }

    private static List<Activity> Replies(string text) => [new Activity { Type = ActivityTypes.Message, Text = text }];

    private async Task<StateHandle<ConversationData>> SaveTurnAsync(string activityId, string reply, string phone)
    {
        var handle = await state.LoadAsync("c1", CancellationToken.None);
        handle.Value.Stack = [new DialogInstance { Id = "intake", Values = new JsonObject { ["phone"] = phone } }];
        handle.Value.LastTurn = TurnJournal.Record(activityId, Replies(reply));
        await state.SaveAsync(handle, CancellationToken.None);
        return handle;
    }

    [Fact]
    public async Task Saving_seals_each_secret_once_and_leaves_the_value_clear_without_decrypting()
    {
        var handle = await SaveTurnAsync("m1", "Số điện thoại 0912345678 đúng không?", "0912345678");

        Assert.Equal(2, protector.Sealed);
        Assert.Equal(0, protector.Opened);
        Assert.Equal("0912345678", handle.Value.Stack[0].Values!["phone"]!.GetValue<string>());
        Assert.Equal("Số điện thoại 0912345678 đúng không?", handle.Value.LastTurn!.ReadReplies()[0].Text);
        Assert.Equal(0, protector.Opened);
    }

    [Fact]
    public async Task Loading_opens_the_answers_and_leaves_the_last_replies_sealed_until_a_replay_reads_them()
    {
        await SaveTurnAsync("m1", "Số điện thoại 0912345678 đúng không?", "0912345678");
        var stored = Encoding.UTF8.GetString((await store.GetAsync("c1", CancellationToken.None))!.Value);
        Assert.DoesNotContain("0912345678", stored, StringComparison.Ordinal);

        var loaded = await state.LoadAsync("c1", CancellationToken.None);
        Assert.Equal(1, protector.Opened);
        Assert.Equal("0912345678", loaded.Value.Stack[0].Values!["phone"]!.GetValue<string>());

        Assert.Equal("Số điện thoại 0912345678 đúng không?", loaded.Value.LastTurn!.ReadReplies()[0].Text);
        Assert.Equal(2, protector.Opened);
    }

    [Fact]
    public async Task An_unchanged_state_saves_to_the_same_bytes_and_is_not_written_again()
    {
        await SaveTurnAsync("m1", "Cảm ơn anh/chị.", "0912345678");
        var loaded = await state.LoadAsync("c1", CancellationToken.None);
        var etag = loaded.ETag;
        var sealedBefore = protector.Sealed;

        await state.SaveAsync(loaded, CancellationToken.None);

        Assert.Equal(etag, loaded.ETag);
        Assert.Equal(sealedBefore, protector.Sealed);
    }

    [Fact]
    public async Task A_new_turn_replaces_the_sealed_replies_without_opening_them()
    {
        await SaveTurnAsync("m1", "Số điện thoại 0912345678 đúng không?", "0912345678");
        var opened = protector.Opened;

        var handle = await state.LoadAsync("c1", CancellationToken.None);
        handle.Value.LastTurn = TurnJournal.Record("m2", Replies("Anh/chị có gửi thay người khác không?"));
        await state.SaveAsync(handle, CancellationToken.None);

        Assert.Equal(opened + 1, protector.Opened); // the phone, at load; neither journal
        var again = await state.LoadAsync("c1", CancellationToken.None);
        Assert.Equal("m2", again.Value.LastTurn!.ActivityId);
        Assert.Equal("Anh/chị có gửi thay người khác không?", again.Value.LastTurn.ReadReplies()[0].Text);
    }

    [Fact]
    public async Task An_answer_that_only_looks_sealed_is_sealed_like_any_other()
    {
        await SaveTurnAsync("m1", "Cảm ơn anh/chị.", "pd1:v1:0912345678");

        var stored = Encoding.UTF8.GetString((await store.GetAsync("c1", CancellationToken.None))!.Value);
        Assert.DoesNotContain("0912345678", stored, StringComparison.Ordinal);
        var loaded = await state.LoadAsync("c1", CancellationToken.None);
        Assert.Equal("pd1:v1:0912345678", loaded.Value.Stack[0].Values!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replies_stored_in_clear_by_an_older_build_are_sealed_at_the_next_save()
    {
        var older = new ConversationData { LastTurn = TurnJournal.Record("m0", Replies("Số điện thoại 0912345678 đúng không?")) };
        await store.SetAsync("c1", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(older, StateJsonContext.Default.ConversationData), StateETags.Absent, null, CancellationToken.None);

        var loaded = await state.LoadAsync("c1", CancellationToken.None);
        await state.SaveAsync(loaded, CancellationToken.None);

        var stored = Encoding.UTF8.GetString((await store.GetAsync("c1", CancellationToken.None))!.Value);
        Assert.DoesNotContain("0912345678", stored, StringComparison.Ordinal);
        Assert.Equal("Số điện thoại 0912345678 đúng không?", (await state.LoadAsync("c1", CancellationToken.None)).Value.LastTurn!.ReadReplies()[0].Text);
    }

    [Fact]
    public void Sealed_replies_read_without_the_state_that_loaded_them_fail_clearly()
    {
        var journal = new TurnJournal { ActivityId = "m1", Replies = ConversationDataProtection.Marker + "v1:AAAA" };

        var failure = Assert.Throws<InvalidOperationException>(() => journal.ReadReplies());
        Assert.Contains("sealed", failure.Message, StringComparison.Ordinal);
    }

    private sealed class CountingProtector(IPersonalDataProtector inner) : IPersonalDataProtector
    {
        public int Sealed { get; private set; }

        public int Opened { get; private set; }

        public string Protect(string plaintext)
        {
            Sealed++;
            return inner.Protect(plaintext);
        }

        public string Unprotect(string protectedText)
        {
            Opened++;
            return inner.Unprotect(protectedText);
        }

        public string LookupKey(string value) => inner.LookupKey(value);
    }
}
