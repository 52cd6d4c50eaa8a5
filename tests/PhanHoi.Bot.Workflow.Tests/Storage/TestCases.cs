using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>Cases and transitions built by hand, so the storage tests do not depend on the state machine's rules.</summary>
public static class TestCases
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)].ToUpperInvariant();

    public static Case New(
        string receivingAgency = "TTPVHCC",
        DateTimeOffset? submittedAt = null,
        CitizenAddress? address = null,
        string category = "giao-thong",
        string content = "Đoạn đường Lê Lợi có nhiều ổ gà lớn, trời mưa đọng nước.",
        CitizenDetails? citizen = null)
    {
        var at = submittedAt ?? Monday;
        return new Case
        {
            Id = Guid.NewGuid(),
            Code = Unique("PH"),
            State = CaseState.Submitted,
            Channel = address is null ? CaseChannel.Counter : CaseChannel.Zalo,
            Category = category,
            ReceivingAgency = receivingAgency,
            Content = content,
            Citizen = citizen ?? new CitizenDetails("Nguyễn Thị Hoa", "0912345678"),
            CitizenAddress = address,
            SubmittedAt = at,
            Deadlines = new Deadlines(TriageBy: DateOnly.FromDateTime(at.Date).AddDays(2)),
            Version = 1,
        };
    }

    public static Transition Submitted(Case submitted) => new(
        submitted,
        new HistoryEntry(submitted.Id, submitted.SubmittedAt, "citizen", CaseAction.Submit, null, CaseState.Submitted, null),
        submitted.CitizenAddress is null ? [] : [Notice.Of(NoticeKind.Filed, submitted.Code, ("code", submitted.Code))]);

    /// <summary>The next version of <paramref name="current"/> after <paramref name="change"/>, with its history line and notices.</summary>
    public static Transition Change(
        Case current, Func<Case, Case> change, CaseAction action, DateTimeOffset at, string actor = "staff-1", params Notice[] notices)
    {
        var next = change(current) with { Version = current.Version + 1 };
        return new Transition(next, new HistoryEntry(current.Id, at, actor, action, current.State, next.State, null), [.. notices]);
    }

    public static Case Accepted(Case current, string agency, DateTimeOffset at, DateOnly resolveBy) => current with
    {
        State = CaseState.InProgress,
        HandlingAgency = agency,
        AcceptedAt = at,
        AssignedAt = at,
        Deadlines = current.Deadlines with { ResolveBy = resolveBy },
    };

    public static ImmutableArray<Notice> NoNotices => [];
}
