using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Channels.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly DirectLineTokens tokens;

    public DirectLineTokensTests() => tokens = Create(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_conversation_token_carries_its_conversation_and_user_and_lives_thirty_minutes()
    {
        var issued = tokens.IssueConversation("conv-a", "dl_user");

        Assert.Equal(1800, issued.ExpiresInSeconds);
        var claims = tokens.Validate(issued.Value, TokenPurpose.Conversation);
        Assert.Equal(("conv-a", "dl_user"), (claims!.ConversationId, claims.UserId));

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(tokens.Validate(issued.Value, TokenPurpose.Conversation));
        Assert.True(tokens.Check(issued.Value, TokenPurpose.Conversation).Expired);
    }

    [Fact]
    public void Web_Chat_reads_the_user_id_from_the_token_payload_as_a_JWT()
    {
        var issued = tokens.IssueConversation("conv-a", "dl_user");
        var payload = issued.Value.Split('.')[1];
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/')));

        Assert.Equal("dl_user", JsonDocument.Parse(json).RootElement.GetProperty("user").GetString());
    }

    [Fact]
    public void Tokens_signed_with_another_key_or_altered_are_refused()
    {
        var foreign = Create(RandomNumberGenerator.GetBytes(32)).IssueConversation("conv-a", "dl_user").Value;
        Assert.Equal(TokenCheck.Invalid, tokens.Check(foreign, TokenPurpose.Conversation));

        var genuine = tokens.IssueConversation("conv-a", "dl_user").Value.Split('.');
        var other = tokens.IssueConversation("conv-b", "dl_user").Value.Split('.');
        var spliced = $"{genuine[0]}.{other[1]}.{genuine[2]}";
        Assert.Null(tokens.Validate(spliced, TokenPurpose.Conversation));
        Assert.Null(tokens.Validate("not-a-token", TokenPurpose.Conversation));
        Assert.Null(tokens.Validate(string.Empty, TokenPurpose.Conversation));
    }

    [Fact]
    public void A_stream_token_opens_only_the_stream_and_a_conversation_token_only_the_REST_calls()
    {
        var stream = tokens.IssueStream("conv-a", "dl_user");
        var conversation = tokens.IssueConversation("conv-a", "dl_user");

        Assert.NotNull(tokens.Validate(stream.Value, TokenPurpose.Stream));
        Assert.Null(tokens.Validate(stream.Value, TokenPurpose.Conversation));
        Assert.Null(tokens.Validate(conversation.Value, TokenPurpose.Stream));

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(tokens.Validate(stream.Value, TokenPurpose.Stream));
    }

    [Fact]
    public void The_browser_user_cookie_is_signed_and_cannot_name_another_user()
    {
        var (userId, cookie) = tokens.NewUser();

        Assert.StartsWith("dl_", userId, StringComparison.Ordinal);
        Assert.Equal(userId, tokens.ReadUser(cookie));
        Assert.Null(tokens.ReadUser("dl_someone-else." + cookie.Split('.')[^1]));
        Assert.Null(tokens.ReadUser(userId));
        Assert.Null(tokens.ReadUser(null));
        Assert.NotEqual(userId, tokens.NewUser().UserId);
    }

    [Fact]
    public void A_short_or_missing_signing_key_stops_the_service()
    {
        Assert.Throws<InvalidOperationException>(() => Create(RandomNumberGenerator.GetBytes(16)));
        Assert.Throws<InvalidOperationException>(() => new DirectLineTokens(Options.Create(new DirectLineOptions()), clock));
    }

    private DirectLineTokens Create(byte[] key) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = Convert.ToBase64String(key) }), clock);
}
