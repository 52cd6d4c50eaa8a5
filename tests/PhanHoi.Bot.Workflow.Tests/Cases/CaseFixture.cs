using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

/// <summary>Cases in known states, moved only through <see cref="CaseWorkflow"/>, on the real Vietnamese calendar.</summary>
internal sealed class CaseFixture : IDisposable
{
    public static readonly CitizenAddress Address = new("zalo", "84900000001");
    public static readonly Actor Citizen = Actor.Citizen(Address);
    public static readonly Actor OtherCitizen = Actor.Citizen(new CitizenAddress("zalo", "84900000002"));
    public static readonly Actor Reception = Actor.Staff("u-reception", "TTPVHCC", StaffRole.Reception);
    public static readonly Actor Sxd = Actor.Staff("u-sxd", "SXD", StaffRole.Handler);
    public static readonly Actor Snnmt = Actor.Staff("u-snnmt", "SNNMT", StaffRole.Handler);
    public static readonly Actor Supervisor = Actor.Staff("u-giamsat", "VPUBND", StaffRole.Supervisor);
    public static readonly Actor Admin = Actor.Staff("u-admin", "TTPVHCC", StaffRole.Admin);

    private readonly WorkingDayCalendar calendar = new();

    public CaseFixture() => Workflow = new CaseWorkflow(calendar);

    public CaseWorkflow Workflow { get; }

    /// <summary>Monday 2 March 2026, 09:00 in Thanh Hóa.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 9, 0, 0, LocalClock.Offset);

    public static NewCase NewPakn(ProxyDetails? proxy = null) => new(
        CaseChannel.Zalo,
        "giao-thong",
        "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần.",
        false,
        new CitizenDetails("Lê Văn Nam", "+84912345678", null, proxy),
        Address,
        []);

    public Case Submitted() =>
        Assert.IsType<Transition>(Workflow.Submit(NewPakn(), Guid.NewGuid(), CaseCodeGenerator.NewCode(), "TTPVHCC", Citizen, Now)).Case;

    public Case InProgressAtSxd() => Do(Submitted(), new AcceptCommand("SXD", null), Reception);

    public Case Resolved() => Do(InProgressAtSxd(), new ResolveCommand("Đã thay bóng đèn."), Sxd);

    public Case Published() => Do(Resolved(), new PublishCommand(), Reception);

    public Case Do(Case current, CaseCommand command, Actor actor) => Apply(current, command, actor).Case;

    public Transition Apply(Case current, CaseCommand command, Actor actor) =>
        Assert.IsType<Transition>(Workflow.Apply(current, command, actor, Now));

    public Refusal Refuse(Case current, CaseCommand command, Actor actor) =>
        Assert.IsType<Refusal>(Workflow.Apply(current, command, actor, Now));

    public void Advance(TimeSpan by) => Now += by;

    public void Dispose() => calendar.Dispose();
}
