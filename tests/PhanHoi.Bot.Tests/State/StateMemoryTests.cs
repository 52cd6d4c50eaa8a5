using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Support;

namespace PhanHoi.Bot.Tests.State;

public sealed class StateMemoryTests
{
    [Fact]
    public async Task Ten_thousand_conversations_mid_dialog_stay_well_under_the_memory_budget()
    {
        var store = new InProcessBotStateStore(TimeProvider.System);
        var state = new BotState<ConversationData>(store, StateKeys.Conversation, StateJsonContext.Default.ConversationData, TimeSpan.FromDays(1));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 10_000; i++)
        {
            var loaded = await state.LoadAsync(Messages.From("citizen-" + i, "x", "zalo"), CancellationToken.None);
            loaded.Value.Stack.Add(new DialogInstance { Id = "main", Step = 1 });
            loaded.Value.Stack.Add(new DialogInstance
            {
                Id = "intake",
                Step = 6,
                Values = new JsonObject
                {
                    ["category"] = "giao-thong",
                    ["content"] = "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy rất dễ ngã, đề nghị sửa sớm.",
                    ["photos"] = new JsonArray(new JsonObject { ["url"] = "https://cdn.example.test/" + i + ".jpg", ["contentType"] = "image/jpeg" }),
                    ["name"] = "Nguyễn Văn An",
                },
            });
            loaded.Value.Stack.Add(new DialogInstance { Id = "intake.phone", Tries = 1 });
            loaded.Value.LastActivityAt = DateTimeOffset.UtcNow;
            await state.SaveAsync(loaded, CancellationToken.None);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var megabytes = (after - before) / 1024.0 / 1024.0;

        Assert.Equal(10_000, store.Count);
        Assert.True(megabytes < 20, $"10,000 conversations took {megabytes:F1} MB of managed heap");
    }
}
