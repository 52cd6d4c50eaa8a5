using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Sla;

namespace PhanHoi.Bot.Api.Tests.Cases;

/// <summary>A whole case life through the staff API, on each store.</summary>
public abstract class CaseLifeTests(Store store) : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(store);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Case_goes_from_submission_through_coordination_delay_publication_and_rebuttal_to_completed()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var snnmt = await host.LoginAsync("xuly.snnmt");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var desk = host.Services.GetRequiredService<CaseDesk>();
        var address = new CitizenAddress("zalo", "84900000001");

        var filed = await desk.SubmitAsync(
            new NewCase(CaseChannel.Zalo, category, "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần, buổi tối rất tối và nguy hiểm.", false,
                new CitizenDetails("Lê Văn Nam", "+84912345678"), address, []),
            Actor.Citizen(address),
            CancellationToken.None);
        var code = Assert.IsType<DeskOutcome.Done>(filed).Case.Code;

        var accepted = await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        Assert.Equal("in_progress", accepted.State());
        Assert.Equal("SXD", accepted["handlingAgency"]!.GetValue<string>());

        var asked = await StaffApi.ActAsync(sxd, code, "coordinate", new { agencyCodes = new[] { "SNNMT" }, request = "Đề nghị cho ý kiến về nguồn kinh phí sửa chữa." });
        Assert.Single(asked["coordination"]!.AsArray());
        var replied = await StaffApi.ActAsync(snnmt, code, "coordination-reply", new { opinion = "Đề nghị sử dụng kinh phí duy tu năm 2026." });
        Assert.NotNull(replied["coordination"]![0]!["opinion"]);

        host.Clock.Advance(TimeSpan.FromDays(20));
        (reception, sxd) = (await host.LoginAsync("tiepnhan"), await host.LoginAsync("xuly.sxd")); // staff tokens last hours, not weeks
        var overdue = await sxd.GetFromJsonAsync<JsonObject>("/api/v1/cases?overdue=true");
        Assert.Contains(overdue!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);

        var delayed = await StaffApi.ActAsync(sxd, code, "explain-delay", new { reason = "Chờ bố trí kinh phí sửa chữa." });
        Assert.Equal("Chờ bố trí kinh phí sửa chữa.", delayed["delayReason"]!.GetValue<string>());

        var resolved = await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã thay bóng đèn và sửa tủ điện ngày 20/3." });
        Assert.Equal("resolved", resolved.State());
        var published = await StaffApi.ActAsync(reception, code, "publish");
        Assert.Equal("published", published.State());
        Assert.NotNull(published["deadlines"]!["rebuttalBy"]);

        var rebutted = await desk.ActAsync(code, new RebutCommand("Đèn vẫn chưa sáng ở đoạn gần trường học."), Actor.Citizen(address), null, CancellationToken.None);
        Assert.Equal(CaseState.Rebutted, Assert.IsType<DeskOutcome.Done>(rebutted).Case.State);

        var completed = await StaffApi.ActAsync(sxd, code, "rebuttal-answer", new { answer = "Đã kiểm tra lại và thay thêm hai bóng đèn gần trường." });
        Assert.Equal("completed", completed.State());

        var history = await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{code}/history");
        var actions = history!.Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["submit", "accept", "coordinate", "coordination-reply", "explain-delay", "resolve", "publish", "rebut", "rebuttal-answer"],
            actions.Where(a => a is not ("view-personal-data" or "remind-overdue")));
    }

    [Fact]
    public async Task Supervisor_cancels_an_unfit_answer_and_the_agency_processes_again_Art12()
    {
        var (reception, sxd, code) = await PublishedCaseAsync();
        var supervisor = await host.LoginAsync("giamsat");

        var cancelled = await StaffApi.ActAsync(supervisor, code, "cancel-answer", new { reason = "Câu trả lời chưa đúng trọng tâm." });

        Assert.Equal("in_progress", cancelled.State());
        Assert.Null(cancelled["answer"]);
        var again = await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Trả lời lại đầy đủ." });
        Assert.Equal("resolved", again.State());
        Assert.Equal("published", (await StaffApi.ActAsync(reception, code, "publish")).State());
    }

    [Fact]
    public async Task Handler_transfers_to_the_supervisor_who_assigns_the_competent_agency()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var supervisor = await host.LoginAsync("giamsat");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });

        var transferred = await StaffApi.ActAsync(sxd, code, "transfer", new { reason = "Không thuộc thẩm quyền của Sở Xây dựng." });
        Assert.True(transferred["awaitingAssignment"]!.GetValue<bool>());

        var assigned = await StaffApi.ActAsync(supervisor, code, "assign", new { agencyCode = "SNNMT" });
        Assert.Equal("SNNMT", assigned["handlingAgency"]!.GetValue<string>());
        Assert.Equal("in_progress", assigned.State());
    }

    [Fact]
    public async Task Reception_rejects_with_a_reason_and_closes_thanks()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var first = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();
        var second = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();

        var rejected = await StaffApi.ActAsync(reception, first, "reject", new { reason = "Nội dung là khiếu nại, đề nghị gửi theo Luật Khiếu nại." });
        var closed = await StaffApi.ActAsync(reception, second, "close", new { kind = "thanks", note = "Thư cảm ơn." });

        Assert.Equal("rejected", rejected.State());
        Assert.Equal("closed", closed.State());
        Assert.Empty(closed["allowedActions"]!.AsArray());
    }

    [Fact]
    public async Task Published_case_completes_when_the_rebuttal_window_ends_unused_Art13()
    {
        var (_, _, code) = await PublishedCaseAsync();

        host.Clock.Advance(TimeSpan.FromDays(20));
        await host.Services.GetRequiredService<SlaSweep>().RunOnceAsync(CancellationToken.None);
        var reception = await host.LoginAsync("tiepnhan");

        var completed = await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        Assert.Equal("completed", completed!.State());
    }

    [Fact]
    public async Task Invalid_transition_is_409_with_allowed_actions()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();

        var response = await reception.PostAsJsonAsync($"/api/v1/cases/{code}/publish", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(problem!["allowedActions"]!.AsArray(), a => a!.GetValue<string>() == "accept");
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_the_current_version_wins()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var created = await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)));
        var code = created.Code();
        var version = created["version"]!.GetValue<int>();

        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{code}/accept") { Content = JsonContent.Create(new { agencyCode = "SXD" }) };
        first.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, (await reception.SendAsync(first)).StatusCode);

        using var second = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{code}/reject") { Content = JsonContent.Create(new { reason = "Trùng lặp." }) };
        second.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        var stale = await reception.SendAsync(second);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var current = await reception.GetAsync($"/api/v1/cases/{code}");
        Assert.Equal($"\"{version + 1}\"", current.Headers.ETag!.Tag);

        var other = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        using var any = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{other}/reject") { Content = JsonContent.Create(new { reason = "Trùng lặp." }) };
        any.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.Equal(HttpStatusCode.OK, (await reception.SendAsync(any)).StatusCode);
    }

    [Fact]
    public async Task Handler_cannot_triage_and_blank_reason_is_400()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });

        var forbidden = await sxd.PostAsJsonAsync($"/api/v1/cases/{code}/publish", new { });
        host.Clock.Advance(TimeSpan.FromDays(20)); // a delay can be explained once the case is late
        sxd = await host.LoginAsync("xuly.sxd");
        var blank = await sxd.PostAsJsonAsync($"/api/v1/cases/{code}/explain-delay", new { reason = "   " });

        Assert.Contains(forbidden.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var problem = await blank.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["reason"]);
    }

    [Fact]
    public async Task Handler_of_another_agency_gets_404_not_a_leak()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var snnmt = await host.LoginAsync("xuly.snnmt");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });

        Assert.Equal(HttpStatusCode.NotFound, (await snnmt.GetAsync($"/api/v1/cases/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snnmt.GetAsync($"/api/v1/cases/{code}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snnmt.GetAsync($"/api/v1/cases/{code}/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snnmt.PostAsJsonAsync($"/api/v1/cases/{code}/resolve", new { answer = "x" })).StatusCode);
        var list = await snnmt.GetFromJsonAsync<JsonObject>("/api/v1/cases");
        Assert.DoesNotContain(list!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
    }

    [Fact]
    public async Task Every_staff_read_of_personal_data_is_recorded_in_history_Art16()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();

        var read = await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code.ToLowerInvariant()}");
        var accepted = await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        var history = await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{code}/history");

        Assert.Equal("Nguyễn Thị Hoa", read!["citizen"]!["name"]!.GetValue<string>());
        Assert.Equal("Nguyễn Thị Hoa", accepted["citizen"]!["name"]!.GetValue<string>());

        // The 201 of the intake, the read and the action's answer each showed the citizen's data.
        Assert.Equal(3, history!.Count(h => h!["action"]!.GetValue<string>() == "view-personal-data"));
    }

    [Fact]
    public async Task Reception_records_what_a_citizen_without_chat_supplied_and_the_case_goes_back_to_triage()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        var asked = await StaffApi.ActAsync(reception, code, "request-info", new { message = "Đề nghị cho biết số nhà cụ thể." });
        Assert.Contains("supplement", asked["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        var supplied = await StaffApi.ActAsync(reception, code, "supplement", new { text = "Công dân gọi điện bổ sung: trước số nhà 120." });
        var accepted = await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });

        Assert.Equal("submitted", supplied.State());
        Assert.Contains("trước số nhà 120", supplied["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("in_progress", accepted.State());

        // A chat citizen answers in the chat: reception cannot answer for them.
        var desk = host.Services.GetRequiredService<CaseDesk>();
        var address = new CitizenAddress("zalo", "84900000031");
        var chat = Assert.IsType<DeskOutcome.Done>(await desk.SubmitAsync(
            new NewCase(CaseChannel.Zalo, await StaffApi.FirstCategoryAsync(reception), "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần.", false,
                new CitizenDetails("Lê Văn Nam", "+84912345678"), address, []),
            Actor.Citizen(address),
            CancellationToken.None)).Case.Code;
        await StaffApi.ActAsync(reception, chat, "request-info", new { message = "Đề nghị cho biết đoạn đường cụ thể." });
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PostAsJsonAsync($"/api/v1/cases/{chat}/supplement", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_PAKN_the_bot_files_is_found_again_by_its_message_with_the_triage_deadline_and_queues_no_second_message()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var bot = host.Services.GetRequiredService<ICitizenCaseDesk>();
        var address = new CitizenAddress("zalo", "84900000041");

        var filed = await bot.SubmitAsync(
            new NewCase(CaseChannel.Zalo, await StaffApi.FirstCategoryAsync(reception), "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần.", false,
                new CitizenDetails("Lê Văn Nam", "+84912345678"), address, [], SubmissionKey: "zalo:msg-41", ToldInReply: true),
            CancellationToken.None);

        var stored = Assert.Single(await host.Services.GetRequiredService<ICaseRepository>().ListByCitizenAsync(address, 10, CancellationToken.None));
        Assert.Equal(new FiledCase(stored.Code, stored.Deadlines.TriageBy!.Value), filed);
        Assert.Equal(filed, await bot.FindSubmissionAsync("zalo:msg-41", CancellationToken.None)); // the turn run again after a crash
        Assert.Null(await bot.FindSubmissionAsync("zalo:msg-42", CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IOutboxStore>().ListForCaseAsync(stored.Id, CancellationToken.None));
        var history = (await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{filed.Code}/history"))!;
        Assert.Equal("submit", history[0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Personal_data_is_shown_only_to_staff_whose_agency_holds_the_case_SPEC5()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var snnmt = await host.LoginAsync("xuly.snnmt");
        var supervisor = await host.LoginAsync("giamsat");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "request-info", new { message = "Đề nghị cho biết số nhà cụ thể." });
        await StaffApi.ActAsync(reception, code, "supplement", new { text = "Liên hệ chị Hoa 0988 123 456, hoa.nguyen@gmail.com, CCCD 038190001234." });
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "sxd" }); // agency codes in any case
        var asked = await StaffApi.ActAsync(sxd, code, "coordinate", new { agencyCodes = new[] { "snnmt" }, request = "Đề nghị cho ý kiến về kinh phí." });
        var reads = (await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{code}/history"))!.Count(h => h!["action"]!.GetValue<string>() == "view-personal-data");

        var bySupervisor = await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        var byCoordinator = await snnmt.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        var replied = await StaffApi.ActAsync(snnmt, code, "coordination-reply", new { opinion = "Đồng ý sử dụng kinh phí duy tu." });

        var listed = await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/cases");
        Assert.Equal("Nguyễn Thị Hoa", asked["citizen"]!["name"]!.GetValue<string>()); // the handling agency
        Assert.Contains("0988 123 456", asked["content"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var seen in new[] { bySupervisor!, byCoordinator!, replied })
        {
            Assert.Equal(code, seen["code"]!.GetValue<string>());
            Assert.Null(seen["citizen"]);
            Assert.Contains("Liên hệ chị Hoa ***, ***, CCCD ***.", seen["content"]!.GetValue<string>(), StringComparison.Ordinal); // what a supplement added, masked
        }

        foreach (var secret in new[] { "Nguyễn Thị Hoa", "0988 123 456", "hoa.nguyen@gmail.com", "038190001234" })
        {
            Assert.All(new[] { bySupervisor!, byCoordinator!, replied, listed! }, seen => Assert.DoesNotContain(secret, seen.ToJsonString(), StringComparison.Ordinal));
        }

        var history = await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{code}/history");
        Assert.Equal(reads, history!.Count(h => h!["action"]!.GetValue<string>() == "view-personal-data"));
    }

    private async Task<(HttpClient Reception, HttpClient Handler, string Code)> PublishedCaseAsync()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã sửa chữa xong." });
        await StaffApi.ActAsync(reception, code, "publish");
        return (reception, sxd, code);
    }
}

public sealed class CaseLifeOnSqliteTests() : CaseLifeTests(Store.Sqlite);

public sealed class CaseLifeOnPostgresTests() : CaseLifeTests(Store.Postgres);
