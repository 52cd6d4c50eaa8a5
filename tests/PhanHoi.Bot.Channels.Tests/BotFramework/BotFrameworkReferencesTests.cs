using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.BotFramework;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Channels.Tests.BotFramework;

public sealed class BotFrameworkReferencesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly CountingStore _store;
    private readonly BotFrameworkReferences _references;

    public BotFrameworkReferencesTests()
    {
        _store = new CountingStore(new InProcessBotStateStore(_clock));
        _references = new BotFrameworkReferences(_store, new BotOptions { StateTtl = TimeSpan.FromDays(7) }, _clock);
    }

    [Fact]
    public async Task An_unchanged_reference_is_written_once_and_found()
    {
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);

        Assert.Equal(1, _store.Writes);
        var found = await _references.FindAsync(new CitizenAddress("webchat", "citizen-1"), CancellationToken.None);
        Assert.Equal("conv-1", found?.Conversation?.Id);
        Assert.Equal("https://a.example/", found?.ServiceUrl);
    }

    [Fact]
    public async Task A_new_conversation_or_service_url_is_written_again()
    {
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        await _references.RememberAsync(Message("citizen-1", "conv-2", "https://a.example/"), CancellationToken.None);
        await _references.RememberAsync(Message("citizen-1", "conv-2", "https://b.example/"), CancellationToken.None);

        Assert.Equal(3, _store.Writes);
        var found = await _references.FindAsync(new CitizenAddress("webchat", "citizen-1"), CancellationToken.None);
        Assert.Equal("conv-2", found?.Conversation?.Id);
        Assert.Equal("https://b.example/", found?.ServiceUrl);
    }

    [Fact]
    public async Task Each_citizen_has_its_own_reference()
    {
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        await _references.RememberAsync(Message("citizen-2", "conv-9", "https://a.example/"), CancellationToken.None);
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);

        Assert.Equal(2, _store.Writes);
        Assert.Equal("conv-9", (await _references.FindAsync(new CitizenAddress("webchat", "citizen-2"), CancellationToken.None))?.Conversation?.Id);
    }

    [Fact]
    public async Task An_unchanged_reference_is_written_again_before_the_state_time_to_live_expires_it()
    {
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        Assert.Equal(1, _store.Writes);

        _clock.Advance(TimeSpan.FromDays(1));
        await _references.RememberAsync(Message("citizen-1", "conv-1", "https://a.example/"), CancellationToken.None);
        Assert.Equal(2, _store.Writes);

        _clock.Advance(TimeSpan.FromDays(6));
        Assert.NotNull(await _references.FindAsync(new CitizenAddress("webchat", "citizen-1"), CancellationToken.None));
    }

    private static Activity Message(string user, string conversation, string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "webchat",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = user, Name = "citizen" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = conversation },
        Text = "xin chào",
    };

    private sealed class CountingStore(IBotStateStore inner) : IBotStateStore
    {
        public int Writes { get; private set; }

        public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public Task<string> SetAsync(string key, byte[] value, string expectedETag, TimeSpan? ttl, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.SetAsync(key, value, expectedETag, ttl, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, string expectedETag, CancellationToken cancellationToken) =>
            inner.DeleteAsync(key, expectedETag, cancellationToken);
    }
}
