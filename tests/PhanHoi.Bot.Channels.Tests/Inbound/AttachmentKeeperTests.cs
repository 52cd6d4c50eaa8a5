using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Channels.Tests.Support;
using Options = Microsoft.Extensions.Options.Options;

namespace PhanHoi.Bot.Channels.Tests.Inbound;

public sealed class AttachmentKeeperTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01];
    private readonly InMemoryFileStore files = new();

    private AttachmentKeeper Keeper(StubHttp http, string? publicBaseUrl = "https://phanhoi.example.vn/") => new(
        http,
        new DirectLineUploads(files, Options.Create(new DirectLineOptions { MaxUploadBytes = 4096 }), new FakeTimeProvider()),
        Options.Create(new DirectLineOptions { MaxUploadBytes = 4096 }),
        Options.Create(new AttachmentKeeperOptions { PublicBaseUrl = publicBaseUrl }),
        NullLogger<AttachmentKeeper>.Instance);

    private static StubHttp Serving(byte[] body, string? contentType, HttpStatusCode status = HttpStatusCode.OK) => new((_, _) =>
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return new HttpResponseMessage(status) { Content = content };
    });

    private static Activity WithPhoto(string url) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = "image/*", ContentUrl = url, Name = "den-hong.jpg" }],
    };

    [Fact]
    public async Task A_photo_is_copied_into_the_file_store_and_the_attachment_points_at_the_copy()
    {
        var http = Serving(Jpeg, "application/octet-stream"); // CDNs often say nothing useful: the bytes decide
        var activity = WithPhoto("https://s240-ava-talk.zadn.vn/den-hong.jpg");

        await Keeper(http).KeepAsync(activity, CancellationToken.None);

        var stored = Assert.Single(files.Files.Values);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal($"https://phanhoi.example.vn/v3/directline/attachments/{stored.Id}", attachment.ContentUrl);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.Equal(("image/jpeg", "den-hong.jpg"), (stored.ContentType, stored.Name));
        Assert.Equal(Jpeg, stored.Content);
        Assert.Equal("https://s240-ava-talk.zadn.vn/den-hong.jpg", Assert.Single(http.Requests).Request.RequestUri!.ToString());
    }

    [Fact]
    public async Task Without_a_public_address_the_link_is_relative_to_the_service()
    {
        var activity = WithPhoto("https://cdn.example/a.jpg");

        await Keeper(Serving(Jpeg, "image/jpeg"), publicBaseUrl: null).KeepAsync(activity, CancellationToken.None);

        Assert.StartsWith("/v3/directline/attachments/", activity.Attachments![0].ContentUrl, StringComparison.Ordinal);
    }

    public static TheoryData<byte[], string?, HttpStatusCode> NotKept => new()
    {
        { "<html><script>alert(1)</script></html>"u8.ToArray(), "image/jpeg", HttpStatusCode.OK }, // not what it claims
        { [.. Jpeg, .. new byte[5000]], "image/jpeg", HttpStatusCode.OK },                         // over the upload limit
        { Jpeg, "image/jpeg", HttpStatusCode.NotFound },                                             // expired already
        { Jpeg, "image/jpeg", HttpStatusCode.BadGateway },
    };

    [Theory]
    [MemberData(nameof(NotKept))]
    public async Task A_file_that_is_not_a_photo_or_pdf_too_large_or_unavailable_keeps_the_platforms_link(byte[] body, string? type, HttpStatusCode status)
    {
        var activity = WithPhoto("https://cdn.example/a.jpg");

        await Keeper(Serving(body, type, status)).KeepAsync(activity, CancellationToken.None);

        Assert.Equal("https://cdn.example/a.jpg", activity.Attachments![0].ContentUrl);
        Assert.Empty(files.Files);
    }

    [Fact]
    public async Task A_network_failure_keeps_the_link_and_links_that_are_not_web_addresses_are_left_alone()
    {
        var http = new StubHttp((_, _) => throw new HttpRequestException("no route to host"));
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment { ContentType = "image/*", ContentUrl = "https://cdn.example/a.jpg" },
                new Attachment { ContentType = "image/png", ContentUrl = "data:image/png;base64,iVBORw0KGgo=" },
                new Attachment { ContentType = "application/vnd.microsoft.card.hero" },
            ],
        };

        await Keeper(http).KeepAsync(activity, CancellationToken.None);

        Assert.Equal(["https://cdn.example/a.jpg", "data:image/png;base64,iVBORw0KGgo=", null], activity.Attachments!.Select(a => a.ContentUrl));
        Assert.Single(http.Requests);
    }
}
