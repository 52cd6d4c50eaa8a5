using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>What the webhooks refuse (CONTRACT.md "Channel endpoints"): nothing refused is stored or answered.</summary>
public sealed class WebhookRefusalTests : IAsyncLifetime
{
    private const string User = "2468458835296197922";
    private ChannelHost channel = null!;

    public async Task InitializeAsync() => channel = await ChannelHost.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await channel.DisposeAsync();

    private Task<long> PendingAsync() => channel.Host.Services.GetRequiredService<IInboxStore>().CountPendingAsync(CancellationToken.None);

    private string ZaloText(string text) =>
        $$$"""{"app_id":"{{{ChannelHost.ZaloAppId}}}","user_id_by_app":"552177279717587730","event_name":"user_send_text","timestamp":"1772400000123","sender":{"id":"{{{User}}}"},"recipient":{"id":"{{{ChannelHost.ZaloOaId}}}"},"message":{"msg_id":"96d3cdf3af150460909","text":"{{{text}}}"}}""";

    private async Task AssertNothingHappenedAsync(string user)
    {
        Assert.Equal(0, await PendingAsync());
        await channel.Platforms.ExpectQuietAsync(user, TimeSpan.FromMilliseconds(700));
        Assert.Equal(0, channel.Platforms.SendCalls);
    }

    [Fact]
    public async Task Zalo_event_with_a_wrong_or_missing_signature_is_401_and_nothing_is_stored()
    {
        var json = ZaloText("Xin chào");
        var signedForOtherBody = ChannelHost.ZaloMac(Encoding.UTF8.GetBytes(ZaloText("Xin chao")), "1772400000123");
        var hmac = "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(ChannelHost.ZaloOaSecret), Encoding.UTF8.GetBytes(json)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.ZaloPostAsync(json, signedForOtherBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.ZaloPostAsync(json, hmac)).StatusCode);
        using var unsigned = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await channel.Client.PostAsync("/webhooks/zalo", unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        await AssertNothingHappenedAsync(User);
    }

    [Fact]
    public async Task Messenger_event_with_a_wrong_or_missing_signature_is_401_and_nothing_is_stored()
    {
        var batch = ChannelHost.Batch(channel.Messaging("24681357924680135", "message", new { mid = "m_1", text = "Xin chào" }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.FacebookPostAsync(batch, "sha256=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.FacebookPostAsync(batch, "sha1=abc")).StatusCode);
        using var unsigned = new StringContent(batch, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.Client.PostAsync("/webhooks/facebook", unsigned)).StatusCode);

        await AssertNothingHappenedAsync("24681357924680135");
    }

    [Fact]
    public async Task Malformed_json_is_400_and_an_oversized_body_is_413()
    {
        const string Broken = """{"object":"page","entry":[{"id":"1","messaging":[{"sender":""";
        var brokenResponse = await channel.FacebookPostAsync(Broken);
        Assert.Equal(HttpStatusCode.BadRequest, brokenResponse.StatusCode);
        Assert.Equal("application/problem+json", brokenResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await channel.ZaloPostAsync("""{"app_id":"1","timestamp":"1",""", "mac=" + new string('a', 64))).StatusCode);

        var huge = ZaloText(new string('a', 20_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await channel.ZaloPostAsync(huge)).StatusCode);
        var hugeBatch = ChannelHost.Batch(channel.Messaging("24681357924680135", "message", new { mid = "m_big", text = new string('b', 20_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await channel.FacebookPostAsync(hugeBatch)).StatusCode);

        await AssertNothingHappenedAsync(User);
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_read_whole_and_refused_when_oversized()
    {
        const string Psid = "13579246801357924";
        var hugeBatch = ChannelHost.Batch(channel.Messaging(Psid, "message", new { mid = "m_chunked_big", text = new string('b', 20_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await channel.FacebookPostAsync(hugeBatch, chunked: true)).StatusCode);
        await AssertNothingHappenedAsync(Psid);

        var batch = ChannelHost.Batch(channel.Messaging(Psid, "message", new { mid = "m_chunked", text = "Xin chào, " + new string('a', 3_000) }));
        Assert.Equal(HttpStatusCode.OK, (await channel.FacebookPostAsync(batch, chunked: true)).StatusCode);
        Assert.NotNull(FakePlatforms.Text(await channel.Platforms.NextAsync(Psid)));
    }

    [Fact]
    public async Task Zalo_mac_over_the_timestamp_header_instead_of_the_body_field_is_accepted()
    {
        var json = ZaloText("Xin chào");
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = content };
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", ChannelHost.ZaloMac(body, "1772400000999"));
        request.Headers.TryAddWithoutValidation("X-ZEvent-Timestamp", "1772400000999");

        Assert.Equal(HttpStatusCode.OK, (await channel.Client.SendAsync(request)).StatusCode);
        await channel.Platforms.ExpectSequenceAsync(User, channel.Text("menu.ask"));
    }

    [Fact]
    public async Task Zalo_url_probe_and_unknown_events_are_acknowledged_without_effect()
    {
        using var probe = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await channel.Client.PostAsync("/webhooks/zalo", probe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await channel.ZaloPostAsync($$"""{"app_id":"{{ChannelHost.ZaloAppId}}","event_name":"user_click_chatnow","timestamp":"1772400000123","user_id_by_app":"5"}""")).StatusCode);

        await AssertNothingHappenedAsync(User);
    }

    [Fact]
    public async Task Messenger_subscription_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        var ok = await channel.Client.GetAsync("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        var wrong = await channel.Client.GetAsync("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }
}

/// <summary>Without its settings a channel is off: its webhook answers 404.</summary>
public sealed class UnconfiguredChannelTests
{
    [Fact]
    public async Task Webhooks_of_unconfigured_channels_are_404()
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        using var client = host.CreateClient();
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/webhooks/zalo", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/webhooks/facebook", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).StatusCode);
    }
}
