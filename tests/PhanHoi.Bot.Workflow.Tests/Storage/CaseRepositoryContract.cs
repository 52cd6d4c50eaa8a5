using System.Collections.Immutable;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>What every <see cref="ICaseRepository"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class CaseRepositoryContract(StoreFixture store)
{
    private readonly SqlCaseRepository cases = new(store.Database, store.Protector);
    private readonly SqlOutboxStore outbox = new(store.Database);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_submitted_case_round_trips_with_everything_it_holds()
    {
        var submitted = New(address: new CitizenAddress("zalo", Unique("U")), citizen: new CitizenDetails(
            "Lê Văn Tám", "0987654321", "0101234567", new ProxyDetails("Lê Thị Chín", "12 Lê Lợi, Hạc Thành", "0911111111", "Mẹ già không dùng điện thoại", true))) with
        {
            Confidential = true,
            Attachments = [new Attachment("https://files.example/anh-1.jpg", "image/jpeg", "ổ gà.jpg")],
            Location = new GeoLocation(19.8067, 105.7852, "Đường Lê Lợi, Thanh Hóa"),
            Coordination = [new CoordinationRequest("SNNMT", "Cho ý kiến", Monday, new DateOnly(2026, 3, 9))],
        };

        await cases.InsertAsync(Submitted(submitted), None);

        var byCode = await cases.FindByCodeAsync(submitted.Code, None);
        var byId = await cases.FindByIdAsync(submitted.Id, None);
        Assert.NotNull(byCode);
        Assert.Equal(submitted.Citizen, byCode.Citizen);
        Assert.Equal(submitted.Attachments.Single(), byCode.Attachments.Single());
        Assert.Equal(submitted.Coordination.Single(), byCode.Coordination.Single());
        Assert.Equal(submitted.Location, byCode.Location);
        Assert.Equal(submitted.Deadlines, byCode.Deadlines);
        Assert.Equal(submitted.SubmittedAt, byCode.SubmittedAt);
        Assert.Equal(submitted.CitizenAddress, byCode.CitizenAddress);
        Assert.Equal((submitted.Code, submitted.State, submitted.Channel, submitted.Content, true, 1), (byCode.Code, byCode.State, byCode.Channel, byCode.Content, byCode.Confidential, byCode.Version));
        Assert.Equal(byCode.Id, byId!.Id);
        Assert.Null(await cases.FindByCodeAsync("NOPE-" + submitted.Code, None));
    }

    [Fact]
    public async Task What_submitted_a_case_is_stored_with_it_and_refused_a_second_time()
    {
        var key = Unique("zalo:msg");
        var first = New();
        var second = New();

        await cases.InsertAsync(Submitted(first), key, None);
        var again = await Record.ExceptionAsync(() => cases.InsertAsync(Submitted(second), key, None));

        Assert.Equal(first.Code, await cases.FindCodeBySubmissionAsync(key, None));
        Assert.Null(await cases.FindCodeBySubmissionAsync(Unique("zalo:msg"), None));
        Assert.NotNull(again);
        Assert.Null(await cases.FindByCodeAsync(second.Code, None)); // the whole write was rolled back
    }

    [Fact]
    public async Task An_update_against_a_stale_version_is_refused_and_changes_nothing()
    {
        var submitted = New();
        await cases.InsertAsync(Submitted(submitted), None);
        var first = Change(submitted, c => Accepted(c, "SXD", Monday.AddHours(1), new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday.AddHours(1));
        var rival = Change(submitted, c => c with { State = CaseState.Rejected, RejectReason = "Trùng lặp" }, CaseAction.Reject, Monday.AddHours(1));

        Assert.True(await cases.UpdateAsync(first, expectedVersion: 1, None));
        Assert.False(await cases.UpdateAsync(rival, expectedVersion: 1, None));

        var stored = await cases.FindByIdAsync(submitted.Id, None);
        Assert.Equal((CaseState.InProgress, "SXD", 2), (stored!.State, stored.HandlingAgency, stored.Version));
        Assert.Equal([CaseAction.Submit, CaseAction.Accept], (await cases.HistoryAsync(submitted.Id, None)).Select(h => h.Action));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_version_let_exactly_one_writer_win()
    {
        var submitted = New();
        await cases.InsertAsync(Submitted(submitted), None);
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(() => cases.UpdateAsync(
            Change(submitted, c => c with { DelayReason = $"lý do {i}" }, CaseAction.ExplainDelay, Monday.AddMinutes(i)), 1, None)));

        var results = await Task.WhenAll(writers);

        Assert.Single(results, won => won);
        Assert.Equal(2, (await cases.HistoryAsync(submitted.Id, None)).Count);
    }

    [Fact]
    public async Task A_change_queues_its_notices_for_the_chat_in_the_same_write()
    {
        var address = new CitizenAddress("facebook", Unique("PSID"));
        var submitted = New(address: address);
        await cases.InsertAsync(Submitted(submitted), None);
        var accepted = Change(
            submitted, c => Accepted(c, "SXD", Monday.AddHours(2), new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday.AddHours(2), "staff-1",
            Notice.Of(NoticeKind.Accepted, submitted.Code, ("agency", "Sở Xây dựng")));
        await cases.UpdateAsync(accepted, 1, None);

        var queued = await outbox.ListForCaseAsync(submitted.Id, None);

        Assert.Equal([NoticeKind.Filed, NoticeKind.Accepted], queued.Select(m => m.Notice.Kind));
        Assert.All(queued, m => Assert.Equal((address, OutboxStatus.Pending), (m.Recipient, m.Status)));
        Assert.Equal("Sở Xây dựng", queued[1].Notice.Values["agency"]);
        Assert.Equal(Monday.AddHours(2), queued[1].CreatedAt);
    }

    [Fact]
    public async Task A_filing_writes_every_scope_row_and_every_notice_in_order_with_its_row()
    {
        var address = new CitizenAddress("zalo", Unique("U"));
        var coordinating = Unique("AG");
        var submitted = New(address: address, receivingAgency: Unique("AG")) with
        {
            Coordination = [new CoordinationRequest(coordinating, "Cho ý kiến", Monday, new DateOnly(2026, 3, 9))],
        };
        var transition = Submitted(submitted) with
        {
            Notices = [Notice.Of(NoticeKind.Filed, submitted.Code), Notice.Of(NoticeKind.Accepted, submitted.Code, ("agency", "Sở Xây dựng"))],
        };

        await cases.InsertAsync(transition, Unique("zalo:msg"), None);

        foreach (var agency in new[] { submitted.ReceivingAgency, coordinating })
        {
            var page = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), ScopeAgency: agency, PageSize: 10), None);
            Assert.Equal([submitted.Id], page.Items.Select(c => c.Id));
        }

        var queued = await outbox.ListForCaseAsync(submitted.Id, None);
        Assert.Equal([NoticeKind.Filed, NoticeKind.Accepted], queued.Select(m => m.Notice.Kind));
        Assert.Equal("Sở Xây dựng", queued[1].Notice.Values["agency"]);
        Assert.All(queued, m => Assert.Equal((address, OutboxStatus.Pending, transition.History.At), (m.Recipient, m.Status, m.CreatedAt)));
        Assert.Single(await cases.HistoryAsync(submitted.Id, None));
    }

    [Fact]
    public async Task A_case_typed_in_by_reception_queues_no_chat_notice()
    {
        var submitted = New();
        var transition = Submitted(submitted) with { Notices = [Notice.Of(NoticeKind.Filed, submitted.Code)] };

        await cases.InsertAsync(transition, None);

        Assert.Empty(await outbox.ListForCaseAsync(submitted.Id, None));
    }

    [Fact]
    public async Task A_refused_update_queues_no_notice()
    {
        var submitted = New(address: new CitizenAddress("zalo", Unique("U")));
        await cases.InsertAsync(Submitted(submitted), None);

        var stale = Change(submitted, c => c, CaseAction.Close, Monday, "x", Notice.Of(NoticeKind.Closed, submitted.Code));
        await cases.UpdateAsync(Change(submitted, c => c, CaseAction.ExplainDelay, Monday), 1, None);
        Assert.False(await cases.UpdateAsync(stale, 1, None));

        Assert.Single(await outbox.ListForCaseAsync(submitted.Id, None));
    }

    [Fact]
    public async Task History_is_append_only_and_the_database_refuses_to_change_it_Art8()
    {
        var submitted = New();
        await cases.InsertAsync(Submitted(submitted), None);
        await cases.AppendHistoryAsync(
            new HistoryEntry(submitted.Id, Monday.AddHours(3), "staff-7", CaseAction.ViewPersonalData, CaseState.Submitted, CaseState.Submitted, null), None);

        await using var connection = await store.Database.OpenAsync(None);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync(
            "UPDATE case_history SET note = 'sửa' WHERE case_id = @Id", new { submitted.Id }));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync(
            "DELETE FROM case_history WHERE case_id = @Id", new { submitted.Id }));

        var history = await cases.HistoryAsync(submitted.Id, None);
        Assert.Equal([CaseAction.Submit, CaseAction.ViewPersonalData], history.Select(h => h.Action));
        Assert.Equal(("staff-7", Monday.AddHours(3), (string?)null), (history[1].Actor, history[1].At, history[1].Note));
        Assert.Equal((null, CaseState.Submitted), (history[0].FromState, history[0].ToState));
    }

    [Fact]
    public async Task Personal_data_is_stored_only_encrypted()
    {
        var citizen = new CitizenDetails("Trịnh Thị Bích Ngọc", "0356789123", "8012345678", new ProxyDetails("Hoàng Văn Ủy", "Thôn Đông, xã Quảng Phú", "0977000111", "Ốm", true));
        var submitted = New(citizen: citizen, address: new CitizenAddress("zalo", Unique("U")));
        await cases.InsertAsync(Submitted(submitted), None);

        await using var connection = await store.Database.OpenAsync(None);
        var row = await connection.QuerySingleAsync(
            "SELECT * FROM cases WHERE code = @Code", new { submitted.Code });
        var text = string.Join("|", ((IDictionary<string, object?>)row).Values.Select(v => v?.ToString()));

        foreach (var secret in new[] { "Ngọc", "0356789123", "8012345678", "Hoàng Văn Ủy", "Quảng Phú", "0977000111" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains(submitted.Code, text, StringComparison.Ordinal);
        if (store is SqliteStoreFixture sqlite)
        {
            await using var checkpoint = await store.Database.OpenAsync(None);
            await checkpoint.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var bytes = string.Concat(System.IO.Directory.GetFiles(Path.GetDirectoryName(sqlite.DatabasePath)!, "phanhoi.db*")
                .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));
            Assert.DoesNotContain("0356789123", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("Trịnh Thị Bích Ngọc", bytes, StringComparison.Ordinal);
            Assert.Contains(submitted.Code, bytes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_handler_sees_cases_its_agency_handles_received_or_coordinates_and_no_other()
    {
        var mine = Unique("AG");
        var handled = New(receivingAgency: "TTPVHCC");
        var received = New(receivingAgency: mine);
        var coordinated = New(receivingAgency: "TTPVHCC");
        var other = New(receivingAgency: "TTPVHCC");
        foreach (var c in new[] { handled, received, coordinated, other })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        await cases.UpdateAsync(Change(handled, c => Accepted(c, mine, Monday, new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday), 1, None);
        var withCoordination = Change(coordinated, c => Accepted(c, "SXD", Monday, new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday);
        await cases.UpdateAsync(withCoordination, 1, None);
        await cases.UpdateAsync(Change(withCoordination.Case, c => c with { Coordination = [new CoordinationRequest(mine, "Cho ý kiến", Monday, new DateOnly(2026, 3, 9))] }, CaseAction.Coordinate, Monday), 2, None);
        await cases.UpdateAsync(Change(other, c => Accepted(c, "SXD", Monday, new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday), 1, None);

        var page = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), ScopeAgency: mine, PageSize: 50), None);

        Assert.Equal(new[] { handled.Id, received.Id, coordinated.Id }.Order(), page.Items.Select(c => c.Id).Order());
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Search_filters_by_state_agency_category_overdue_text_and_period_newest_first()
    {
        var agency = Unique("AG");
        var category = Unique("cat-").ToLowerInvariant();
        var today = new DateOnly(2026, 3, 13);
        var old = New(receivingAgency: agency, category: category, submittedAt: Monday, content: "Cống thoát nước ĐƯỜNG Bà Triệu bị tắc 100% sau mưa");
        var recent = New(receivingAgency: agency, category: category, submittedAt: Monday.AddDays(10), content: "Đèn chiếu sáng hỏng");
        var otherCategory = New(receivingAgency: agency, category: "khac", submittedAt: Monday.AddDays(5), content: "Xin cảm ơn cán bộ");
        foreach (var c in new[] { old, recent, otherCategory })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        await cases.UpdateAsync(Change(old, c => Accepted(c, agency, Monday, new DateOnly(2026, 3, 10)), CaseAction.Accept, Monday), 1, None);

        async Task<IEnumerable<Guid>> Ids(CaseQuery q) => (await cases.SearchAsync(q with { ScopeAgency = agency }, None)).Items.Select(c => c.Id);

        Assert.Equal([recent.Id, otherCategory.Id, old.Id], await Ids(new CaseQuery(today)));
        Assert.Equal([old.Id], await Ids(new CaseQuery(today, State: CaseState.InProgress)));
        Assert.Equal([recent.Id, old.Id], await Ids(new CaseQuery(today, Category: category)));
        Assert.Equal([recent.Id, otherCategory.Id, old.Id], await Ids(new CaseQuery(today, Agency: agency)));
        Assert.Empty(await Ids(new CaseQuery(today, Agency: "SXD")));
        Assert.Equal([otherCategory.Id, old.Id], await Ids(new CaseQuery(today, Overdue: true))); // triage by 9/3, resolve by 10/3
        Assert.Equal([recent.Id], await Ids(new CaseQuery(today, Overdue: false) with { Category = category }));
        Assert.Equal([old.Id], await Ids(new CaseQuery(today, Text: "đường bà triệu")));
        Assert.Equal([old.Id], await Ids(new CaseQuery(today, Text: "100%")));
        Assert.Empty(await Ids(new CaseQuery(today, Text: "_")));
        Assert.Equal([otherCategory.Id], await Ids(new CaseQuery(today, From: Monday.AddDays(4), To: Monday.AddDays(6))));
    }

    [Fact]
    public async Task A_phone_number_in_any_form_finds_the_cases_it_sent_or_was_sent_for_among_those_its_agency_holds()
    {
        var agency = Unique("AG");
        var phone = "098" + Random.Shared.Next(1_000_000, 9_999_999);
        var other = "097" + Random.Shared.Next(1_000_000, 9_999_999);
        var sent = New(receivingAgency: agency, citizen: new CitizenDetails("Lê Văn Tám", phone), submittedAt: Monday);
        var sentFor = New(receivingAgency: agency, submittedAt: Monday.AddHours(1), citizen: new CitizenDetails(
            "Lê Thị Chín", other, null, new ProxyDetails("Lê Văn Tám", "12 Lê Lợi", phone, "Ốm", true)));
        var handled = New(receivingAgency: "TTPVHCC", citizen: new CitizenDetails("Lê Văn Tám", phone), submittedAt: Monday.AddHours(2));
        var elsewhere = New(receivingAgency: "TTPVHCC", citizen: new CitizenDetails("Lê Văn Tám", phone));
        var someoneElse = New(receivingAgency: agency, citizen: new CitizenDetails("Đỗ Văn Mười", other));
        foreach (var c in new[] { sent, sentFor, handled, elsewhere, someoneElse })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        await cases.UpdateAsync(Change(handled, c => Accepted(c, agency, Monday, new DateOnly(2026, 3, 16)), CaseAction.Accept, Monday), 1, None);

        async Task<IEnumerable<Guid>> Found(string written, string holder) =>
            (await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), Phone: new PhoneSearch(PhanHoi.Bot.Workflow.Citizens.PhoneNumber.Validate(written).Value!, holder)), None))
                .Items.Select(c => c.Id);

        Assert.Equal([handled.Id, sentFor.Id, sent.Id], await Found(phone, agency));
        Assert.Equal([handled.Id, sentFor.Id, sent.Id], await Found("+84 " + phone[1..4] + " " + phone[4..], agency));
        Assert.Equal([sentFor.Id, someoneElse.Id], await Found(other, agency)); // the sender of a case sent for someone else
        Assert.Equal([handled.Id, elsewhere.Id], await Found(phone, "TTPVHCC")); // the receiving agency holds what it passed on
        Assert.Empty(await Found(phone, Unique("AG")));
    }

    [Fact]
    public async Task Cases_written_before_phone_keys_existed_get_them_and_todays_search_text_at_start_and_an_unreadable_one_waits()
    {
        var agency = Unique("AG");
        var phone = "091" + Random.Shared.Next(1_000_000, 9_999_999);
        var earlier = New(receivingAgency: agency, content: "Cống trước nhà tôi bị tắc, xin gọi số 0905 333 444 khi đến kiểm tra.",
            citizen: new CitizenDetails("Lê Văn Tám", "0987654321", null, new ProxyDetails("Mai", "Thôn Đông", phone, "Ốm", true)));
        var unreadable = New(receivingAgency: agency, citizen: new CitizenDetails("Lê Văn Tám", phone));
        await cases.InsertAsync(Submitted(earlier), None);
        await cases.InsertAsync(Submitted(unreadable), None);
        using var otherKey = new AesGcmPersonalDataProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var connection = await store.Database.OpenAsync(None);
        var readable = await connection.ExecuteScalarAsync<string>("SELECT personal_data FROM cases WHERE code = @Code", new { unreadable.Code });
        await connection.ExecuteAsync(
            "UPDATE cases SET citizen_phone_key = NULL, proxy_phone_key = NULL, search_text = 'cong truoc nha toi bi tac, xin goi so 0905 333 444' WHERE code = @Code",
            new { earlier.Code });
        await connection.ExecuteAsync(
            "UPDATE cases SET citizen_phone_key = NULL, personal_data = @Other WHERE code = @Code", new { unreadable.Code, Other = otherKey.Protect("{}") });

        var query = new CaseQuery(new DateOnly(2026, 3, 2), Phone: new PhoneSearch(PhanHoi.Bot.Workflow.Citizens.PhoneNumber.Validate(phone).Value!, agency));
        Assert.Empty((await cases.SearchAsync(query, None)).Items);

        var backfill = new PhoneKeyBackfill(store.Database, store.Protector, Microsoft.Extensions.Logging.Abstractions.NullLogger<PhoneKeyBackfill>.Instance);
        var filled = await backfill.RunOnceAsync(None);
        var waiting = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE code = @Code AND citizen_phone_key IS NULL", new { unreadable.Code });
        await connection.ExecuteAsync("UPDATE cases SET personal_data = @Readable WHERE code = @Code", new { unreadable.Code, Readable = readable });

        Assert.True(filled >= 1);
        Assert.Equal(1, waiting); // left for a start with the right key, and the pass still ended
        Assert.Equal([earlier.Id], (await cases.SearchAsync(query, None)).Items.Select(c => c.Id)); // not the unreadable one
        Assert.Equal(
            CaseColumns.SearchTextOf(earlier.Content),
            await connection.ExecuteScalarAsync<string>("SELECT search_text FROM cases WHERE code = @Code", new { earlier.Code }));
        Assert.DoesNotContain("0905", CaseColumns.SearchTextOf(earlier.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_with_a_total()
    {
        var agency = Unique("AG");
        var all = Enumerable.Range(0, 7).Select(i => New(receivingAgency: agency, submittedAt: Monday.AddMinutes(i))).ToList();
        foreach (var c in all)
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        var newestFirst = all.AsEnumerable().Reverse().Select(c => c.Id).ToList();
        var first = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), ScopeAgency: agency, Page: 1, PageSize: 3), None);
        var last = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), ScopeAgency: agency, Page: 3, PageSize: 3), None);
        var beyond = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 2), ScopeAgency: agency, Page: 9, PageSize: 3), None);

        Assert.Equal((7L, 1, 3), (first.Total, first.Page, first.PageSize));
        Assert.Equal(newestFirst.Take(3), first.Items.Select(c => c.Id));
        Assert.Equal((7L, newestFirst[6]), (last.Total, last.Items.Single().Id));
        Assert.Equal((7L, 0), (beyond.Total, beyond.Items.Count));
    }

    [Fact]
    public async Task Text_search_ignores_diacritics_and_case_duong_finds_đường()
    {
        var agency = Unique("AG");
        var today = new DateOnly(2026, 3, 13);
        var road = New(receivingAgency: agency, content: "Mặt ĐƯỜNG Bà Triệu lún sâu, cống thoát nước bị tắc");
        var decomposed = New(receivingAgency: agency, submittedAt: Monday.AddHours(1), content: "Đèn chiếu sáng ngõ 5 hỏng".Normalize(System.Text.NormalizationForm.FormD));
        var other = New(receivingAgency: agency, submittedAt: Monday.AddHours(2), content: "Xin cảm ơn cán bộ phường");
        foreach (var c in new[] { road, decomposed, other })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        async Task<IEnumerable<Guid>> Ids(string text) =>
            (await cases.SearchAsync(new CaseQuery(today, ScopeAgency: agency, Text: text), None)).Items.Select(c => c.Id);

        Assert.Equal([road.Id], await Ids("duong ba trieu"));
        Assert.Equal([road.Id], await Ids("DUONG"));
        Assert.Equal([road.Id], await Ids("Đường"));
        Assert.Equal([road.Id], await Ids("cong thoat nuoc"));
        Assert.Equal([decomposed.Id], await Ids("den chieu sang"));
        Assert.Equal([decomposed.Id], await Ids("Đèn chiếu sáng"));
        Assert.Equal([other.Id], await Ids("can bo"));
        Assert.Empty(await Ids("duongg"));

        // The same without a scope (the supervisor's list).
        Assert.Contains(road.Id, (await cases.SearchAsync(new CaseQuery(today, Text: "mat duong ba trieu lun"), None)).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_text_search_with_more_pages_is_not_counted_past_the_page()
    {
        var agency = Unique("AG");
        var today = new DateOnly(2026, 3, 13);
        var all = Enumerable.Range(0, 5)
            .Select(i => New(receivingAgency: agency, submittedAt: Monday.AddMinutes(i), content: $"Rác thải ở chợ số {i}"))
            .ToList();
        foreach (var c in all)
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        Task<CasePage> Page(int page) => cases.SearchAsync(new CaseQuery(today, ScopeAgency: agency, Text: "rac thai", Page: page, PageSize: 2), None);

        var first = await Page(1);
        var last = await Page(3);
        var beyond = await Page(4);

        Assert.Equal((2L, false, 2), (first.Total, first.TotalIsExact, first.Items.Count)); // more than 2
        Assert.Equal((5L, true, 1), (last.Total, last.TotalIsExact, last.Items.Count));
        Assert.Equal((5L, true, 0), (beyond.Total, beyond.TotalIsExact, beyond.Items.Count));
    }

    [Fact]
    public async Task A_broad_filter_is_counted_only_up_to_the_limit_and_says_the_total_is_not_exact()
    {
        var limited = new SqlCaseRepository(store.Database, store.Protector, countLimit: 5);
        var agency = Unique("AG");
        var category = Unique("cat-").ToLowerInvariant();
        var all = Enumerable.Range(0, 9)
            .Select(i => New(receivingAgency: agency, category: i < 3 ? category : "khac", submittedAt: Monday.AddMinutes(i)))
            .ToList();
        foreach (var c in all)
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        var newestFirst = all.AsEnumerable().Reverse().Select(c => c.Id).ToList();
        var today = new DateOnly(2026, 3, 2);
        Task<CasePage> Page(int page, int size, string? inCategory = null) =>
            limited.SearchAsync(new CaseQuery(today, ScopeAgency: agency, Category: inCategory, Page: page, PageSize: size), None);

        var first = await Page(1, 2);
        Assert.Equal((5L, false), (first.Total, first.TotalIsExact)); // more than 5
        Assert.Equal(newestFirst.Take(2), first.Items.Select(c => c.Id));

        var deep = await Page(3, 3); // a full page past the limit: counted past this page, exactly when that reaches the end
        Assert.Equal((9L, true), (deep.Total, deep.TotalIsExact));
        Assert.Equal(newestFirst.Skip(6), deep.Items.Select(c => c.Id));

        var beyondLimit = await Page(4, 2); // rows 7-8 of 9: more follow
        Assert.Equal((8L, false), (beyondLimit.Total, beyondLimit.TotalIsExact));

        var narrow = await Page(1, 2, category);
        Assert.Equal((3L, true), (narrow.Total, narrow.TotalIsExact));

        var unlimited = await cases.SearchAsync(new CaseQuery(today, ScopeAgency: agency, PageSize: 2), None);
        Assert.Equal((9L, true), (unlimited.Total, unlimited.TotalIsExact));
    }

    [Fact]
    public async Task Scoped_filters_follow_every_write_of_the_case()
    {
        var mine = Unique("AG");
        var today = new DateOnly(2026, 3, 13);
        var submitted = New(receivingAgency: mine, category: "giao-thong");
        await cases.InsertAsync(Submitted(submitted), None);

        async Task<int> Count(CaseQuery q) => (await cases.SearchAsync(q with { ScopeAgency = mine }, None)).Items.Count;

        Assert.Equal(1, await Count(new CaseQuery(today, State: CaseState.Submitted)));
        Assert.Equal(1, await Count(new CaseQuery(today, Overdue: true))); // triage by 4/3

        var accepted = Change(submitted, c => Accepted(c, mine, Monday, new DateOnly(2026, 3, 20)) with { Category = "xay-dung" }, CaseAction.Accept, Monday);
        await cases.UpdateAsync(accepted, 1, None);

        Assert.Equal(0, await Count(new CaseQuery(today, State: CaseState.Submitted)));
        Assert.Equal(1, await Count(new CaseQuery(today, State: CaseState.InProgress)));
        Assert.Equal(0, await Count(new CaseQuery(today, Category: "giao-thong")));
        Assert.Equal(1, await Count(new CaseQuery(today, Category: "xay-dung")));
        Assert.Equal(0, await Count(new CaseQuery(today, Overdue: true))); // resolve by 20/3
        Assert.Equal(1, await Count(new CaseQuery(today, Overdue: false)));
        Assert.Equal(1, await Count(new CaseQuery(today, From: Monday.AddMinutes(-1), To: Monday.AddMinutes(1))));
    }

    [Fact]
    public async Task The_public_list_holds_published_cases_only_newest_published_first()
    {
        var category = Unique("pub-").ToLowerInvariant();
        var published = New(category: category);
        var earlierPublished = New(category: category, submittedAt: Monday.AddHours(1));
        var resolved = New(category: category);
        foreach (var c in new[] { published, earlierPublished, resolved })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        await cases.UpdateAsync(Change(published, c => c with { State = CaseState.Published, PublishedAt = Monday.AddDays(3), Answer = "Đã sửa" }, CaseAction.Publish, Monday.AddDays(3)), 1, None);
        await cases.UpdateAsync(Change(earlierPublished, c => c with { State = CaseState.Completed, PublishedAt = Monday.AddDays(2), Answer = "Đã sửa" }, CaseAction.Publish, Monday.AddDays(2)), 1, None);
        await cases.UpdateAsync(Change(resolved, c => c with { State = CaseState.Resolved, ResolvedAt = Monday.AddDays(1) }, CaseAction.Resolve, Monday.AddDays(1)), 1, None);

        var page = await cases.SearchAsync(new CaseQuery(new DateOnly(2026, 3, 10), Category: category, PublishedOnly: true), None);

        Assert.Equal([published.Id, earlierPublished.Id], page.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Public_text_search_never_matches_the_content_of_a_confidential_case_Art7_3()
    {
        var category = Unique("conf-").ToLowerInvariant();
        var secret = New(category: category, content: "Nhà tôi ở ngõ 0905 Hàng Than, cống tràn khi mưa.") with { Confidential = true };
        var open = New(category: category, content: "Cống ngõ 0905 đường Lê Lợi tràn nước.", submittedAt: Monday.AddHours(1));
        foreach (var c in new[] { secret, open })
        {
            await cases.InsertAsync(Submitted(c), None);
            await cases.UpdateAsync(Change(c, p => p with { State = CaseState.Published, PublishedAt = Monday.AddDays(3), Answer = "Đã xử lý" }, CaseAction.Publish, Monday.AddDays(3)), 1, None);
        }

        var today = new DateOnly(2026, 3, 10);
        async Task<IEnumerable<Guid>> Ids(CaseQuery query) => (await cases.SearchAsync(query, None)).Items.Select(c => c.Id);

        Assert.Equal([open.Id], await Ids(new CaseQuery(today, Category: category, Text: "0905", PublishedOnly: true)));
        Assert.Empty(await Ids(new CaseQuery(today, Category: category, Text: "hang than", PublishedOnly: true)));
        Assert.Equal(new[] { secret.Id, open.Id }.Order(), (await Ids(new CaseQuery(today, Category: category, PublishedOnly: true))).Order()); // still listed, content withheld by the API
        Assert.Equal(new[] { secret.Id, open.Id }.Order(), (await Ids(new CaseQuery(today, Category: category, Text: "0905"))).Order()); // staff search keeps matching it
        Assert.Equal([secret.Id], await Ids(new CaseQuery(today, Category: category, Text: "hang than")));
    }

    [Fact]
    public async Task Search_text_is_what_the_public_may_read_no_supplement_and_no_phone_numbers()
    {
        var category = Unique("pub-").ToLowerInvariant();
        var filed = New(category: category, content: "Cống ngõ 7 phố Hàng Than tắc, gọi 0905 111 222." + PublishedContent.SupplementMarker + "01/03/2026] Tôi là Lê Văn Ba.");
        await cases.InsertAsync(Submitted(filed), None);

        var today = new DateOnly(2026, 3, 10);
        async Task<IEnumerable<Guid>> Ids(string text) => (await cases.SearchAsync(new CaseQuery(today, Category: category, Text: text), None)).Items.Select(c => c.Id);

        Assert.Equal([filed.Id], await Ids("hang than"));
        Assert.Empty(await Ids("111 222"));
        Assert.Empty(await Ids("le van ba"));
    }

    [Fact]
    public async Task A_citizen_lists_their_own_cases_newest_first()
    {
        var address = new CitizenAddress("zalo", Unique("U"));
        var older = New(address: address, submittedAt: Monday);
        var newer = New(address: address, submittedAt: Monday.AddDays(1));
        var someoneElse = New(address: new CitizenAddress("zalo", Unique("U")));
        var sameIdOtherChannel = New(address: new CitizenAddress("facebook", address.UserId));
        foreach (var c in new[] { older, newer, someoneElse, sameIdOtherChannel })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        Assert.Equal([newer.Id, older.Id], (await cases.ListByCitizenAsync(address, 10, None)).Select(c => c.Id));
        Assert.Equal([newer.Id], (await cases.ListByCitizenAsync(address, 1, None)).Select(c => c.Id));
    }

    [Fact]
    public async Task The_sla_list_has_overdue_cases_not_reminded_today_and_ended_rebuttal_windows()
    {
        // Everything here is dated in 2031 so that no other test's case falls due in this window.
        var start = new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));
        var today = new DateOnly(2031, 3, 20);
        var overdue = New(submittedAt: start);
        var remindedToday = New(submittedAt: start);
        var remindedYesterday = New(submittedAt: start);
        var notDue = New(submittedAt: start);
        var rebuttalEnded = New(submittedAt: start);
        var rebuttalOpen = New(submittedAt: start);
        var closed = New(submittedAt: start);
        foreach (var c in new[] { overdue, remindedToday, remindedYesterday, notDue, rebuttalEnded, rebuttalOpen, closed })
        {
            await cases.InsertAsync(Submitted(c), None);
        }

        var dueBy = new DateOnly(2031, 3, 17);
        Case Late(Case c) => Accepted(c, "SXD", start, dueBy);
        await cases.UpdateAsync(Change(overdue, Late, CaseAction.Accept, start), 1, None);
        var reminded = Change(remindedToday, Late, CaseAction.Accept, start);
        await cases.UpdateAsync(reminded, 1, None);
        await cases.UpdateAsync(Change(reminded.Case, c => c, CaseAction.RemindOverdue, new DateTimeOffset(2031, 3, 20, 1, 0, 0, TimeSpan.FromHours(7)), "system"), 2, None);
        var remindedBefore = Change(remindedYesterday, Late, CaseAction.Accept, start);
        await cases.UpdateAsync(remindedBefore, 1, None);
        await cases.UpdateAsync(Change(remindedBefore.Case, c => c, CaseAction.RemindOverdue, new DateTimeOffset(2031, 3, 19, 23, 0, 0, TimeSpan.FromHours(7)), "system"), 2, None);
        await cases.UpdateAsync(Change(notDue, c => Accepted(c, "SXD", start, today), CaseAction.Accept, start), 1, None);
        await cases.UpdateAsync(Change(rebuttalEnded, c => c with { State = CaseState.Published, PublishedAt = start, Deadlines = c.Deadlines with { RebuttalBy = new DateOnly(2031, 3, 19) } }, CaseAction.Publish, start), 1, None);
        await cases.UpdateAsync(Change(rebuttalOpen, c => c with { State = CaseState.Published, PublishedAt = start, Deadlines = c.Deadlines with { RebuttalBy = today } }, CaseAction.Publish, start), 1, None);
        await cases.UpdateAsync(Change(closed, c => c with { State = CaseState.Closed, CloseKind = CloseKind.Thanks }, CaseAction.Close, start), 1, None);

        var due = await cases.ListDueForSlaAsync(today, 10_000, None);

        var ours = new[] { overdue, remindedToday, remindedYesterday, notDue, rebuttalEnded, rebuttalOpen, closed }.Select(c => c.Id).ToHashSet();
        Assert.Equal(new[] { overdue.Id, remindedYesterday.Id, rebuttalEnded.Id }.Order(), due.Select(c => c.Id).Where(ours.Contains).Order());
    }
}

public sealed class CaseRepositorySqliteTests(SqliteStoreFixture store) : CaseRepositoryContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class CaseRepositoryPostgresTests(PostgresStoreFixture store) : CaseRepositoryContract(store), IClassFixture<PostgresStoreFixture>;
