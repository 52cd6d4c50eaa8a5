using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Chat;

/// <summary>
/// A citizen's whole case through POST /api/messages and the fake connector, with staff acting through the staff API:
/// intake → request-info → the citizen supplements → resolve + publish → the citizen rates and rebuts (SPEC §4).
/// </summary>
public abstract partial class CitizenFollowUpTests(Store store, bool redis) : IAsyncLifetime
{
    private const string User = "citizen-1";
    private const string Conversation = "conv-citizen-1";
    private ApiHost host = null!;
    private FakeConnector connector = null!;
    private HttpClient chat = null!;
    private int sequence;

    public async Task InitializeAsync()
    {
        // the whole life is played within one minute of the test clock
        var extra = new Dictionary<string, string?> { ["Bot:RateLimit:PermitLimit"] = "200" };
        if (redis)
        {
            extra["ConnectionStrings:Redis"] = TestServers.Redis;
            extra["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:";
        }

        host = await ApiHost.StartAsync(store, extra: extra);
        connector = await FakeConnector.StartAsync();
        chat = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        chat.Dispose();
        await connector.DisposeAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Citizen_files_supplements_on_request_then_rates_and_rebuts_the_published_result()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");

        await SayAsync("Gửi phản ánh");
        await ExpectAsync("lĩnh vực nào");
        foreach (var answer in new[] { "1", "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần, buổi tối rất tối và nguy hiểm.", "bo qua", "Lê Văn Nam", "0912 345 678", "khong", "ko" })
        {
            await SayAsync(answer);
        }

        await ExpectAsync("muốn gửi, gửi và giữ kín, sửa thông tin, hay hủy");
        await SayAsync("gửi");
        var filed = await ExpectAsync("Mã tra cứu");
        var code = CodePattern().Match(filed.Text!).Value;

        await StaffApi.ActAsync(reception, code, "request-info", new { message = "Đề nghị cho biết số nhà gần nhất và gửi ảnh hiện trường." });
        var request = await ExpectAsync("Đề nghị cho biết số nhà gần nhất");
        Assert.Contains(request.SuggestedActions!.Actions, a => a.Value!.Value.GetString() == $"supplement:{code}");

        await SayAsync("Đoạn trước số nhà 45 Bà Triệu.");
        await ExpectAsync("Gửi bổ sung");
        await SendAsync(Message(null, new Attachment { ContentType = "image/jpeg", ContentUrl = "https://cdn.example.test/den-hong.jpg", Name = "den.jpg" }));
        await ExpectAsync("1 ảnh/tệp");
        await SayAsync("xong");
        await ExpectAsync("Đã gửi thông tin bổ sung");

        var supplemented = await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        Assert.Equal("submitted", supplemented!.State());
        Assert.Contains("Đoạn trước số nhà 45 Bà Triệu.", supplemented!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(supplemented!["attachments"]!.AsArray(), a => a?["url"]?.GetValue<string>() == "https://cdn.example.test/den-hong.jpg");

        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã thay bóng đèn và sửa tủ điện." });
        await StaffApi.ActAsync(reception, code, "publish");
        var published = await ExpectAsync("Đã thay bóng đèn và sửa tủ điện.");
        var buttons = published.SuggestedActions!.Actions.Select(a => a.Value!.Value.GetString()!).ToList();
        Assert.Equal([$"rate:{code}", $"rebut:{code}"], buttons);

        await SayAsync(buttons[0]);
        await ExpectAsync("hài lòng");
        await SayAsync("4");
        await ExpectAsync("Cảm ơn Ông/Bà đã đánh giá 4/5");

        await SayAsync(buttons[1]);
        await ExpectAsync("ý kiến phúc đáp");
        await SayAsync("Đèn đã sáng nhưng tủ điện vẫn để hở, nguy hiểm cho trẻ em.");
        await ExpectAsync("xác nhận gửi");
        await SayAsync("co");
        await ExpectAsync("Đã gửi ý kiến phúc đáp");

        var final = await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        Assert.Equal("rebutted", final!.State());
        Assert.Equal(4, final!["rating"]!.GetValue<int>());

        await SayAsync("tra cuu");
        await ExpectAsync("mã tra cứu");
        await SayAsync(code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        var status = await ExpectAsync("Tình trạng");
        Assert.Contains("đang xem xét ý kiến phúc đáp", status.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_expects_replies_gets_them_in_the_answer_and_nothing_at_its_service_url()
    {
        var greeting = Message("xin chào");
        greeting.DeliveryMode = DeliveryModes.ExpectReplies;
        using var content = JsonContent.Create(greeting, ActivityJsonContext.Default.Activity);

        var response = await chat.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync(ActivityJsonContext.Default.ExpectedReplies))!.Activities;
        var menu = Assert.Single(replies);
        Assert.Equal(ActivityTypes.Message, menu.Type);
        Assert.Equal(greeting.Id, menu.ReplyToId);
        Assert.Contains("Gửi phản ánh", menu.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Empty(connector.Drain(Conversation));

        await SayAsync("Gửi phản ánh"); // the next turn, sent normally, answers at the serviceUrl as before
        await ExpectAsync("lĩnh vực nào");
    }

    [Fact]
    public async Task Citizen_withdraws_an_open_case_and_another_citizen_cannot_see_it()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();

        await SayAsync("rút");
        await ExpectAsync("không có phản ánh nào");
        await SayAsync($"withdraw:{code}");
        await ExpectAsync("Không tìm thấy");

        await SayAsync("tra cứu");
        await SayAsync(code);
        await ExpectAsync("Không tìm thấy");
    }

    [Fact]
    public async Task A_lock_block_or_unlock_by_an_administrator_applies_to_the_citizens_next_message()
    {
        var admin = await host.LoginAsync("admin");
        var path = $"/api/v1/citizens/webchat/{User}";

        var locked = await admin.PostAsJsonAsync($"{path}/lock", new { until = "2099-01-02T03:00:00Z", reason = "Gửi tin rác liên tục" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        await SayAsync("Gửi phản ánh");
        Assert.Contains("tạm khóa đến 10:00 ngày 02/01/2099", (await connector.NextAsync(Conversation, TimeSpan.FromSeconds(15))).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{path}/block", new { reason = "Xúc phạm cán bộ" })).StatusCode);
        await SayAsync("Gửi phản ánh");
        Assert.Contains("ngừng tiếp nhận", (await connector.NextAsync(Conversation, TimeSpan.FromSeconds(15))).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{path}/unlock", null)).StatusCode);
        await SayAsync("Gửi phản ánh");
        await ExpectAsync("lĩnh vực nào");

        var refused = await admin.PostAsJsonAsync($"{path}/lock", new { until = "2000-01-01T00:00:00Z", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        // A date alone locks to the end of that day in Vietnam, and every time answered is Vietnam's.
        var byDate = await admin.PostAsJsonAsync($"{path}/lock", new { until = "2099-01-02", reason = "Gửi tin rác liên tục" });
        Assert.Equal("2099-01-02T23:59:59+07:00", (await byDate.Content.ReadFromJsonAsync<JsonObject>())!["lockedUntil"]!.GetValue<string>());
    }

    private Task SayAsync(string text) => SendAsync(Message(text));

    private Activity Message(string? text, params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"m-{Interlocked.Increment(ref sequence)}",
        ChannelId = "webchat",
        ServiceUrl = connector.ServiceUrl,
        From = new ChannelAccount { Id = User, Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = Conversation },
        Text = text,
        Attachments = attachments.Length > 0 ? [.. attachments] : null,
    };

    private async Task SendAsync(Activity activity)
    {
        using var content = JsonContent.Create(activity, ActivityJsonContext.Default.Activity);
        var response = await chat.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The next reply or notice containing <paramref name="text"/>, skipping others (e.g. the filing notice).</summary>
    private async Task<Activity> ExpectAsync(string text)
    {
        var seen = new List<string>();
        while (true)
        {
            Activity next;
            try
            {
                next = await connector.NextAsync(Conversation, TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No message containing '{text}'. Seen:\n{string.Join("\n---\n", seen)}");
            }

            if (next.Text?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)
            {
                return next;
            }

            seen.Add(next.Text ?? string.Empty);
        }
    }

    [GeneratedRegex("TH-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CodePattern();
}

public sealed class CitizenFollowUpOnSqliteTests() : CitizenFollowUpTests(Store.Sqlite, redis: false);

public sealed class CitizenFollowUpOnPostgresAndRedisTests() : CitizenFollowUpTests(Store.Postgres, redis: true);
