using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

public sealed class CaseWorkflowTests : IDisposable
{
    private readonly CaseFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public void Submission_is_triaged_within_2_working_days_Art10()
    {
        var submitted = f.Submitted();

        Assert.Equal(CaseState.Submitted, submitted.State);
        Assert.Equal(1, submitted.Version);
        Assert.Equal(new DateOnly(2026, 3, 4), submitted.Deadlines.TriageBy);
        Assert.Equal("TTPVHCC", submitted.ReceivingAgency);
    }

    [Fact]
    public void Submission_before_Tet_counts_working_days_after_the_holiday_Art10()
    {
        f.Now = new DateTimeOffset(2026, 2, 13, 10, 0, 0, TimeSpan.FromHours(7)); // Friday before Tết Bính Ngọ

        var submitted = f.Submitted();

        Assert.Equal(new DateOnly(2026, 2, 24), submitted.Deadlines.TriageBy);
    }

    [Fact]
    public void Submission_tells_the_citizen_the_tracking_code_Art10()
    {
        var result = Assert.IsType<Transition>(f.Workflow.Submit(CaseFixture.NewPakn(), Guid.NewGuid(), "TH-AAAA-BBBB", "TTPVHCC", CaseFixture.Citizen, f.Now));

        var notice = Assert.Single(result.Notices);
        Assert.Equal(NoticeKind.Filed, notice.Kind);
        Assert.Equal("TH-AAAA-BBBB", notice.CaseCode);
        Assert.Equal(CaseAction.Submit, result.History.Action);
        Assert.Equal("citizen", result.History.Actor);
    }

    [Fact]
    public void A_PAKN_filed_in_chat_queues_no_filed_notice_the_bots_reply_carries_the_code_and_deadline()
    {
        var result = Assert.IsType<Transition>(f.Workflow.Submit(
            CaseFixture.NewPakn() with { ToldInReply = true }, Guid.NewGuid(), "TH-AAAA-BBBB", "TTPVHCC", CaseFixture.Citizen, f.Now));

        Assert.Empty(result.Notices);
        Assert.Equal(CaseAction.Submit, result.History.Action);
        Assert.NotNull(result.Case.Deadlines.TriageBy);
    }

    [Fact]
    public void Proxy_without_explicit_consent_is_refused_Art7_7()
    {
        var proxy = new ProxyDetails("Lê Thị Mai", "Phường Hạc Thành", "+84987654321", "Mẹ tôi cao tuổi", Consent: false);

        var refusal = Assert.IsType<Refusal>(f.Workflow.Submit(CaseFixture.NewPakn(proxy), Guid.NewGuid(), "TH-AAAA-BBBB", "TTPVHCC", CaseFixture.Citizen, f.Now));

        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Contains("citizen.proxy.consent", refusal.Errors!.Keys);
    }

    [Fact]
    public void Blank_content_or_missing_phone_is_refused_Art7()
    {
        var input = CaseFixture.NewPakn() with { Content = "  ", Citizen = new CitizenDetails("Lê Văn Nam", "") };

        var refusal = Assert.IsType<Refusal>(f.Workflow.Submit(input, Guid.NewGuid(), "TH-AAAA-BBBB", "TTPVHCC", CaseFixture.Citizen, f.Now));

        Assert.Contains("content", refusal.Errors!.Keys);
        Assert.Contains("citizen.phone", refusal.Errors!.Keys);
    }

    [Fact]
    public void Accepting_assigns_the_agency_with_10_working_days_to_resolve_Art11()
    {
        var transition = f.Apply(f.Submitted(), new AcceptCommand("SXD", null), CaseFixture.Reception);

        Assert.Equal(CaseState.InProgress, transition.Case.State);
        Assert.Equal("SXD", transition.Case.HandlingAgency);
        Assert.Equal(new DateOnly(2026, 3, 16), transition.Case.Deadlines.ResolveBy);
        Assert.Equal(2, transition.Case.Version);
        Assert.Equal(NoticeKind.Accepted, Assert.Single(transition.Notices).Kind);
        Assert.Equal((CaseState.Submitted, CaseState.InProgress), (transition.History.FromState!.Value, transition.History.ToState!.Value));
    }

    [Fact]
    public void Accepting_without_an_agency_leaves_the_case_with_reception_Art10()
    {
        var accepted = f.Do(f.Submitted(), new AcceptCommand(null, null), CaseFixture.Reception);

        Assert.Equal("TTPVHCC", accepted.HandlingAgency);
        Assert.Contains(CaseAction.Resolve, f.Workflow.AllowedActions(accepted, CaseFixture.Reception, f.Now));
    }

    [Fact]
    public void Reception_answers_a_simple_question_directly_and_it_is_published_Art10()
    {
        var answered = f.Do(f.Submitted(), new AnswerDirectlyCommand("Hồ sơ nộp tại quầy số 5."), CaseFixture.Reception);

        Assert.Equal(CaseState.Published, answered.State);
        Assert.Equal("Hồ sơ nộp tại quầy số 5.", answered.Answer);
        Assert.NotNull(answered.Deadlines.RebuttalBy);
    }

    [Fact]
    public void Reception_asks_to_supplement_and_the_supplement_restarts_triage_Art10()
    {
        var asked = f.Apply(f.Submitted(), new RequestInfoCommand("Đề nghị cho biết số nhà cụ thể."), CaseFixture.Reception);
        Assert.Equal(CaseState.AwaitingInfo, asked.Case.State);
        Assert.Equal("Đề nghị cho biết số nhà cụ thể.", Assert.Single(asked.Notices).Values["message"]);

        f.Advance(TimeSpan.FromDays(7));
        var supplemented = f.Do(asked.Case, new SupplementCommand("Số nhà 12 Bà Triệu.", []), CaseFixture.Citizen);

        Assert.Equal(CaseState.Submitted, supplemented.State);
        Assert.Contains("Số nhà 12 Bà Triệu.", supplemented.Content);
        Assert.Equal(new DateOnly(2026, 3, 11), supplemented.Deadlines.TriageBy);
    }

    [Fact]
    public void Rejection_needs_a_reason_that_the_citizen_is_told_Art10()
    {
        var submitted = f.Submitted();

        var blank = f.Refuse(submitted, new RejectCommand(" "), CaseFixture.Reception);
        var rejected = f.Apply(submitted, new RejectCommand("Nội dung là khiếu nại."), CaseFixture.Reception);

        Assert.Equal(RefusalKind.Invalid, blank.Kind);
        Assert.Contains("reason", blank.Errors!.Keys);
        Assert.Equal(CaseState.Rejected, rejected.Case.State);
        Assert.Equal("Nội dung là khiếu nại.", Assert.Single(rejected.Notices).Values["reason"]);
        Assert.Empty(f.Workflow.AllowedActions(rejected.Case, CaseFixture.Reception, f.Now));
    }

    [Theory]
    [InlineData(CloseKind.Thanks)]
    [InlineData(CloseKind.Obsolete)]
    [InlineData(CloseKind.Withdrawn)]
    public void Reception_closes_at_once_thanks_obsolete_or_withdrawn_Art10(CloseKind kind)
    {
        var closed = f.Do(f.Submitted(), new CloseCommand(kind, null), CaseFixture.Reception);

        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(kind, closed.CloseKind);
    }

    [Fact]
    public void Citizen_withdraws_an_open_case_but_not_someone_elses()
    {
        var inProgress = f.InProgressAtSxd();

        var other = f.Refuse(inProgress, new WithdrawCommand(), CaseFixture.OtherCitizen);
        var withdrawn = f.Apply(inProgress, new WithdrawCommand(), CaseFixture.Citizen);
        var closedByReception = f.Apply(f.Submitted(), new CloseCommand(CloseKind.Withdrawn, "Công dân gọi điện xin rút."), CaseFixture.Reception);

        Assert.Equal(RefusalKind.Forbidden, other.Kind);
        Assert.Equal(CloseKind.Withdrawn, withdrawn.Case.CloseKind);
        Assert.Empty(withdrawn.Notices); // the chat already said "Đã rút lại"
        Assert.Equal(NoticeKind.Closed, Assert.Single(closedByReception.Notices).Kind);
    }

    [Fact]
    public void Handler_transfers_to_the_competent_agency_with_a_fresh_deadline_Art11()
    {
        var inProgress = f.InProgressAtSxd();
        f.Advance(TimeSpan.FromDays(7));

        var transferred = f.Do(inProgress, new TransferCommand("SNNMT", "Thuộc lĩnh vực môi trường."), CaseFixture.Sxd);

        Assert.Equal("SNNMT", transferred.HandlingAgency);
        Assert.Equal(new DateOnly(2026, 3, 23), transferred.Deadlines.ResolveBy);
        Assert.False(CaseAccess.CanSee(transferred, CaseFixture.Sxd));
    }

    [Fact]
    public void Handler_transfers_to_the_supervisor_who_assigns_Art11()
    {
        var toSupervisor = f.Do(f.InProgressAtSxd(), new TransferCommand(null, "Không thuộc thẩm quyền."), CaseFixture.Sxd);

        Assert.True(toSupervisor.AwaitingAssignment);
        Assert.Null(toSupervisor.HandlingAgency); // no longer the agency's that said it is not competent
        Assert.False(CaseAccess.CanSeePersonalData(toSupervisor, CaseFixture.Sxd));
        Assert.Equal(RefusalKind.State, f.Refuse(toSupervisor, new ResolveCommand("x"), CaseFixture.Sxd).Kind);
        Assert.Equal(RefusalKind.Forbidden, f.Refuse(toSupervisor, new AssignCommand("SNNMT"), CaseFixture.Sxd).Kind);

        var assigned = f.Do(toSupervisor, new AssignCommand("SNNMT"), CaseFixture.Supervisor);

        Assert.False(assigned.AwaitingAssignment);
        Assert.Equal("SNNMT", assigned.HandlingAgency);
    }

    [Fact]
    public void Coordinating_agency_answers_within_5_working_days_Art11()
    {
        var asked = f.Do(f.InProgressAtSxd(), new CoordinateCommand(["SNNMT"], "Cho ý kiến về kinh phí."), CaseFixture.Sxd);

        var request = Assert.Single(asked.Coordination);
        Assert.Equal(new DateOnly(2026, 3, 9), request.ReplyBy);
        Assert.True(CaseAccess.CanSee(asked, CaseFixture.Snnmt));
        Assert.Equal(RefusalKind.Forbidden, f.Refuse(asked, new CoordinationReplyCommand("x"), CaseFixture.Sxd).Kind);

        var replied = f.Do(asked, new CoordinationReplyCommand("Đồng ý dùng kinh phí duy tu."), CaseFixture.Snnmt);

        Assert.Equal("Đồng ý dùng kinh phí duy tu.", Assert.Single(replied.Coordination).Opinion);
        Assert.Equal(CaseState.InProgress, replied.State);
    }

    [Fact]
    public void Handling_agency_cannot_be_asked_to_coordinate_with_itself()
    {
        var refusal = f.Refuse(f.InProgressAtSxd(), new CoordinateCommand(["SXD"], "?"), CaseFixture.Sxd);

        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
    }

    [Fact]
    public void Late_case_is_overdue_and_its_delay_reason_reaches_the_citizen_Art11()
    {
        var inProgress = f.InProgressAtSxd();
        f.Advance(TimeSpan.FromDays(20));

        Assert.True(inProgress.IsOverdue(DateOnly.FromDateTime(f.Now.DateTime)));
        var delayed = f.Apply(inProgress, new ExplainDelayCommand("Chờ kinh phí."), CaseFixture.Sxd);

        Assert.Equal("Chờ kinh phí.", delayed.Case.DelayReason);
        Assert.Equal(NoticeKind.Delayed, Assert.Single(delayed.Notices).Kind);
    }

    [Fact]
    public void A_delay_is_explained_only_once_the_10_working_days_have_passed_Art11()
    {
        var inProgress = f.InProgressAtSxd(); // resolve by Monday 16/03/2026
        f.Now = new DateTimeOffset(2026, 3, 16, 16, 0, 0, LocalClock.Offset); // the last day still counts: not late yet

        var early = f.Refuse(inProgress, new ExplainDelayCommand("Chờ kinh phí."), CaseFixture.Sxd);

        Assert.Equal(RefusalKind.State, early.Kind);
        Assert.Equal("'explain-delay' is possible only once the processing deadline (16/03/2026) has passed.", early.Reason);
        Assert.Contains(CaseAction.Resolve, early.AllowedActions);
        Assert.DoesNotContain(CaseAction.ExplainDelay, early.AllowedActions);
        Assert.DoesNotContain(CaseAction.ExplainDelay, f.Workflow.AllowedActions(inProgress, CaseFixture.Sxd, f.Now));

        f.Now = new DateTimeOffset(2026, 3, 17, 0, 30, 0, LocalClock.Offset);

        Assert.Contains(CaseAction.ExplainDelay, f.Workflow.AllowedActions(inProgress, CaseFixture.Sxd, f.Now));
        Assert.Equal("Chờ kinh phí.", f.Do(inProgress, new ExplainDelayCommand("Chờ kinh phí."), CaseFixture.Sxd).DelayReason);
    }

    [Fact]
    public void A_case_waiting_for_the_supervisor_to_assign_it_has_no_delay_to_explain()
    {
        var transferred = f.Do(f.InProgressAtSxd(), new TransferCommand(null, "Không thuộc thẩm quyền."), CaseFixture.Sxd);
        f.Advance(TimeSpan.FromDays(20));

        Assert.Equal(RefusalKind.State, f.Refuse(transferred, new ExplainDelayCommand("Chờ phân công."), CaseFixture.Sxd).Kind);
    }

    [Fact]
    public void System_reminds_the_agency_of_an_overdue_case_without_changing_its_state_Art11()
    {
        var inProgress = f.InProgressAtSxd();
        Assert.Equal(RefusalKind.State, f.Refuse(inProgress, new RemindOverdueCommand(), Actor.System).Kind);

        f.Advance(TimeSpan.FromDays(20));
        var reminded = f.Apply(inProgress, new RemindOverdueCommand(), Actor.System);

        Assert.Equal(CaseState.InProgress, reminded.Case.State);
        Assert.Equal(CaseAction.RemindOverdue, reminded.History.Action);
        Assert.Empty(reminded.Notices);
    }

    [Fact]
    public void Resolved_result_is_published_within_1_working_day_and_opens_a_10_day_rebuttal_window_Art12()
    {
        var resolved = f.Resolved();
        Assert.Equal(new DateOnly(2026, 3, 3), resolved.Deadlines.PublishBy);
        Assert.Equal(RefusalKind.Forbidden, f.Refuse(resolved, new PublishCommand(), CaseFixture.Sxd).Kind);

        var published = f.Apply(resolved, new PublishCommand(), CaseFixture.Reception);

        Assert.Equal(CaseState.Published, published.Case.State);
        Assert.Equal(new DateOnly(2026, 3, 16), published.Case.Deadlines.RebuttalBy);
        var notice = Assert.Single(published.Notices);
        Assert.Equal(NoticeKind.Published, notice.Kind);
        Assert.Equal("Đã thay bóng đèn.", notice.Values["answer"]);
    }

    [Fact]
    public void Supervisor_cancels_an_unfit_answer_and_the_agency_processes_again_with_a_fresh_deadline_Art12()
    {
        var published = f.Published();
        f.Advance(TimeSpan.FromDays(2));
        Assert.Equal(RefusalKind.Forbidden, f.Refuse(published, new CancelAnswerCommand("x"), CaseFixture.Reception).Kind);

        var cancelled = f.Apply(published, new CancelAnswerCommand("Chưa đúng trọng tâm."), CaseFixture.Supervisor);

        Assert.Equal(CaseState.InProgress, cancelled.Case.State);
        Assert.Null(cancelled.Case.Answer);
        Assert.Null(cancelled.Case.PublishedAt);
        Assert.Equal(new DateOnly(2026, 3, 18), cancelled.Case.Deadlines.ResolveBy);
        Assert.Equal(NoticeKind.AnswerCancelled, Assert.Single(cancelled.Notices).Kind);
    }

    [Fact]
    public void Citizen_rebuts_once_within_10_working_days_and_the_agency_reviews_within_10_Art13()
    {
        var published = f.Published();

        var rebutted = f.Apply(published, new RebutCommand("Đèn vẫn chưa sáng."), CaseFixture.Citizen);
        Assert.Equal(CaseState.Rebutted, rebutted.Case.State);
        Assert.Equal(new DateOnly(2026, 3, 16), rebutted.Case.Deadlines.RebuttalReviewBy);
        Assert.Equal(NoticeKind.RebuttalReceived, Assert.Single(rebutted.Notices).Kind);

        var answered = f.Apply(rebutted.Case, new RebuttalAnswerCommand("Đã thay thêm hai bóng."), CaseFixture.Sxd);
        Assert.Equal(CaseState.Completed, answered.Case.State);
        Assert.Equal("Đã thay thêm hai bóng.", answered.Case.Rebuttal!.Answer);

        Assert.Equal(RefusalKind.State, f.Refuse(answered.Case, new RebutCommand("Lần hai."), CaseFixture.Citizen).Kind);
    }

    [Fact]
    public void Rebuttal_after_the_window_is_refused_Art13()
    {
        var published = f.Published();
        f.Advance(TimeSpan.FromDays(15));

        Assert.Equal(RefusalKind.State, f.Refuse(published, new RebutCommand("Muộn."), CaseFixture.Citizen).Kind);
    }

    [Fact]
    public void Published_case_completes_when_the_rebuttal_window_ends_unused_Art13()
    {
        var published = f.Published();
        Assert.Equal(RefusalKind.State, f.Refuse(published, new CompleteCommand(), Actor.System).Kind);

        f.Advance(TimeSpan.FromDays(15));
        var completed = f.Apply(published, new CompleteCommand(), Actor.System);

        Assert.Equal(CaseState.Completed, completed.Case.State);
        Assert.Equal(NoticeKind.Completed, Assert.Single(completed.Notices).Kind);
    }

    [Fact]
    public void Citizen_rates_a_published_answer_from_1_to_5_Art14()
    {
        var published = f.Published();

        Assert.Equal(RefusalKind.Invalid, f.Refuse(published, new RateCommand(6), CaseFixture.Citizen).Kind);
        Assert.Equal(4, f.Do(published, new RateCommand(4), CaseFixture.Citizen).Rating);
    }

    [Fact]
    public void Invalid_transition_names_the_allowed_actions()
    {
        var refusal = f.Refuse(f.Submitted(), new PublishCommand(), CaseFixture.Reception);

        Assert.Equal(RefusalKind.State, refusal.Kind);
        Assert.Equal(
            [CaseAction.Accept, CaseAction.AnswerDirectly, CaseAction.RequestInfo, CaseAction.Reject, CaseAction.Close],
            refusal.AllowedActions.ToArray());
    }

    [Fact]
    public void A_state_refusal_spells_the_action_and_the_state_as_the_API_does()
    {
        var inProgress = f.InProgressAtSxd();
        var awaitingInfo = f.Do(f.Submitted(), new RequestInfoCommand("Cho biết số nhà."), CaseFixture.Reception);

        Assert.Equal(
            "'accept' is not possible while the case is in_progress.",
            f.Refuse(inProgress, new AcceptCommand(null, null), CaseFixture.Reception).Reason);
        Assert.Equal(
            "'answer-directly' is not possible while the case is awaiting_info.",
            f.Refuse(awaitingInfo, new AnswerDirectlyCommand("Đã trả lời."), CaseFixture.Reception).Reason);
    }

    [Fact]
    public void Every_answer_given_stays_in_history_after_it_is_cancelled_Art8()
    {
        var first = f.Apply(f.InProgressAtSxd(), new ResolveCommand(" A1 "), CaseFixture.Sxd);
        var cancelled = f.Apply(first.Case, new CancelAnswerCommand("Chưa đúng trọng tâm."), CaseFixture.Supervisor);
        var second = f.Apply(cancelled.Case, new ResolveCommand("A2"), CaseFixture.Sxd);

        Assert.Equal([CaseAction.Resolve, CaseAction.CancelAnswer, CaseAction.Resolve], new[] { first, cancelled, second }.Select(t => t.History.Action));
        Assert.Equal(["A1", "Chưa đúng trọng tâm.", "A2"], new[] { first, cancelled, second }.Select(t => t.History.Note));
    }

    [Fact]
    public void A_direct_answer_and_a_long_answer_are_recorded_in_history_whole_Art8()
    {
        var longAnswer = string.Concat(Enumerable.Repeat("Sở Xây dựng đã kiểm tra hiện trường và lên kế hoạch sửa chữa. ", 20)).Trim();
        Assert.True(longAnswer.Length > 1000);

        var direct = f.Apply(f.Submitted(), new AnswerDirectlyCommand("Thủ tục này làm tại bộ phận một cửa cấp xã."), CaseFixture.Reception);
        var resolved = f.Apply(f.InProgressAtSxd(), new ResolveCommand(longAnswer), CaseFixture.Sxd);

        Assert.Equal("answered directly by TTPVHCC: Thủ tục này làm tại bộ phận một cửa cấp xã.", direct.History.Note);
        Assert.Equal(longAnswer, resolved.History.Note);
    }

    [Fact]
    public void Handler_cannot_triage_Art10()
    {
        var refusal = f.Refuse(f.Submitted(), new AcceptCommand("SXD", null), CaseFixture.Sxd);

        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
        Assert.Empty(refusal.AllowedActions);
    }

    [Fact]
    public void Administrator_sees_every_case_but_performs_no_case_action()
    {
        var inProgress = f.InProgressAtSxd();

        Assert.True(CaseAccess.CanSee(inProgress, CaseFixture.Admin));
        Assert.Empty(f.Workflow.AllowedActions(inProgress, CaseFixture.Admin, f.Now));
    }

    [Fact]
    public void Agency_scope_hides_a_case_from_uninvolved_agencies_and_other_citizens_Art16()
    {
        var inProgress = f.InProgressAtSxd();

        Assert.True(CaseAccess.CanSee(inProgress, CaseFixture.Sxd));
        Assert.True(CaseAccess.CanSee(inProgress, CaseFixture.Reception));
        Assert.True(CaseAccess.CanSee(inProgress, CaseFixture.Citizen));
        Assert.False(CaseAccess.CanSee(inProgress, CaseFixture.Snnmt));
        Assert.False(CaseAccess.CanSee(inProgress, CaseFixture.OtherCitizen));
    }

    [Fact]
    public void Every_transition_increments_the_version_and_records_who_from_and_to_Art8()
    {
        var submitted = f.Submitted();
        var steps = new (CaseCommand Command, Actor Actor)[]
        {
            (new AcceptCommand("SXD", null), CaseFixture.Reception),
            (new CoordinateCommand(["SNNMT"], "Cho ý kiến."), CaseFixture.Sxd),
            (new CoordinationReplyCommand("Đồng ý."), CaseFixture.Snnmt),
            (new ResolveCommand("Đã xử lý."), CaseFixture.Sxd),
            (new PublishCommand(), CaseFixture.Reception),
        };

        var current = submitted;
        foreach (var (command, actor) in steps)
        {
            var transition = f.Apply(current, command, actor);
            Assert.Equal(current.Version + 1, transition.Case.Version);
            Assert.Equal(current.State, transition.History.FromState);
            Assert.Equal(transition.Case.State, transition.History.ToState);
            Assert.Equal(actor.Id, transition.History.Actor);
            Assert.Equal(command.Action, transition.History.Action);
            current = transition.Case;
        }

        Assert.Equal(CaseState.Published, current.State);
    }

    [Fact]
    public void History_notes_never_carry_the_citizens_supplement_text()
    {
        var asked = f.Do(f.Submitted(), new RequestInfoCommand("Số điện thoại khác?"), CaseFixture.Reception);

        var supplemented = f.Apply(asked, new SupplementCommand("Số của tôi là 0987654321.", ImmutableArray<Attachment>.Empty), CaseFixture.Citizen);

        Assert.DoesNotContain("0987654321", supplemented.History.Note ?? string.Empty, StringComparison.Ordinal);
    }
}
