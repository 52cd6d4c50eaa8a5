using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Bench.CaseList;

/// <summary>
/// Realistic cases over two years: agencies weighted like a province (a few large departments, many communes), every
/// state, older cases mostly finished, recent ones open; Vietnamese content from templates.
/// </summary>
internal sealed class CaseGenerator(DateOnly today, int seed)
{
    public static readonly ImmutableArray<string> Agencies =
        [.. new[] { "SXD", "SNNMT", "STC", "SYT", "SGDDT", "THUE", "CA", "VPUBND" }
            .Concat(Enumerable.Range(1, 40).Select(i => $"UBNDX{i:00}"))];

    public static readonly ImmutableArray<string> Categories =
        ["giao-thong", "xay-dung", "dat-dai", "moi-truong", "nong-nghiep", "thue", "tai-chinh", "y-te", "giao-duc", "an-ninh-trat-tu", "dien-nuoc", "thu-tuc-hanh-chinh", "khac"];

    public static readonly ImmutableArray<string> Words =
        ["ổ gà", "đèn chiếu sáng", "rác thải", "nước thải", "sổ đỏ", "học phí", "bệnh viện", "tiếng ồn", "ngập úng", "giấy phép", "hóa đơn", "cống thoát nước"];

    private static readonly string[] Streets = ["Lê Lợi", "Bà Triệu", "Trần Phú", "Quang Trung", "Nguyễn Trãi", "Hạc Thành", "Lam Sơn", "Phan Chu Trinh"];
    private static readonly string[] Templates =
    [
        "Đoạn đường {0} trước số {1} có {2} lâu ngày chưa được xử lý, đề nghị cơ quan chức năng kiểm tra.",
        "Khu dân cư gần đường {0} thường xuyên bị {2}, ảnh hưởng tới sinh hoạt của khoảng {1} hộ dân.",
        "Tôi đề nghị giải đáp về {2} tại phường {0}, hồ sơ nộp từ tháng trước (số {1}).",
        "Phản ánh tình trạng {2} kéo dài tại ngõ {1} đường {0}, mong được quan tâm giải quyết.",
    ];

    private readonly Random random = new(seed);
    private readonly IWorkingCalendar calendar = new WorkingDayCalendar((CalendarOptions?)null);
    private readonly DateTimeOffset end = new(today.ToDateTime(new TimeOnly(17, 0)), LocalClock.Offset);

    public Case Next(int index)
    {
        var submittedAt = end - TimeSpan.FromMinutes(random.NextDouble() * 730 * 24 * 60);
        var submittedOn = LocalClock.LocalDate(submittedAt);
        var ageDays = today.DayNumber - submittedOn.DayNumber;
        var agency = PickAgency();
        var word = Words[random.Next(Words.Length)];
        var content = string.Format(
            System.Globalization.CultureInfo.InvariantCulture, Templates[random.Next(Templates.Length)], Streets[random.Next(Streets.Length)], random.Next(1, 400), word);
        var address = random.NextDouble() < 0.8 ? new CitizenAddress(random.NextDouble() < 0.6 ? "zalo" : "facebook", $"u{random.Next(200_000)}") : null;
        var triageBy = calendar.AddWorkingDays(submittedOn, 2);
        var acceptedAt = submittedAt + TimeSpan.FromHours(random.Next(2, 60));
        var resolveBy = calendar.AddWorkingDays(LocalClock.LocalDate(acceptedAt), 10);
        var resolvedAt = acceptedAt + TimeSpan.FromDays(random.NextDouble() < 0.85 ? random.Next(2, 14) : random.Next(15, 30));
        var publishedAt = resolvedAt + TimeSpan.FromHours(random.Next(2, 30));
        var rebuttalBy = calendar.AddWorkingDays(LocalClock.LocalDate(publishedAt), 10);

        var state = PickState(ageDays);
        var started = state is not (CaseState.Submitted or CaseState.AwaitingInfo or CaseState.Rejected or CaseState.Closed);
        var resolved = state is CaseState.Resolved or CaseState.Published or CaseState.Rebutted or CaseState.Completed;
        var published = state is CaseState.Published or CaseState.Rebutted or CaseState.Completed;
        var rebutted = state == CaseState.Rebutted || (state == CaseState.Completed && random.NextDouble() < 0.05);
        var coordination = started && random.NextDouble() < 0.1
            ? ImmutableArray.Create(new CoordinationRequest(PickAgency(), "Đề nghị cho ý kiến", acceptedAt, calendar.AddWorkingDays(LocalClock.LocalDate(acceptedAt), 5)))
            : [];

        return new Case
        {
            Id = Guid.CreateVersion7(submittedAt),
            Code = $"BN-{index:X8}",
            State = state,
            Channel = address is null ? CaseChannel.Counter : address.Channel == "zalo" ? CaseChannel.Zalo : CaseChannel.Facebook,
            Category = Categories[random.Next(Categories.Length)],
            ReceivingAgency = "TTPVHCC",
            HandlingAgency = started ? agency : null,
            Coordination = coordination,
            Content = content,
            Confidential = random.NextDouble() < 0.1,
            Citizen = new CitizenDetails("Nguyễn Văn A", "+84912" + random.Next(100000, 999999)),
            CitizenAddress = address,
            SubmittedAt = submittedAt,
            AcceptedAt = started ? acceptedAt : null,
            AssignedAt = started ? acceptedAt : null,
            ResolvedAt = resolved ? resolvedAt : null,
            PublishedAt = published ? publishedAt : null,
            Deadlines = new Deadlines(triageBy, started ? resolveBy : null, resolved ? calendar.AddWorkingDays(LocalClock.LocalDate(resolvedAt), 1) : null, published ? rebuttalBy : null,
                rebutted ? calendar.AddWorkingDays(rebuttalBy, 5) : null),
            Answer = resolved ? "Đơn vị đã kiểm tra và xử lý." : null,
            Rebuttal = rebutted ? new Rebuttal("Chưa xử lý triệt để", publishedAt + TimeSpan.FromDays(3)) : null,
            Rating = published && random.NextDouble() < 0.4 ? random.Next(1, 6) : null,
            Version = 1 + random.Next(0, 6),
        };
    }

    private string PickAgency()
    {
        // Large departments take most of the work; the communes share the rest.
        var roll = random.NextDouble();
        return roll < 0.7 ? Agencies[random.Next(8)] : Agencies[8 + random.Next(Agencies.Length - 8)];
    }

    private CaseState PickState(int ageDays)
    {
        var roll = random.NextDouble();
        if (ageDays > 60)
        {
            return roll switch { < 0.80 => CaseState.Completed, < 0.88 => CaseState.Closed, < 0.96 => CaseState.Rejected, < 0.98 => CaseState.InProgress, _ => CaseState.Published };
        }

        return roll switch
        {
            < 0.08 => CaseState.Submitted,
            < 0.12 => CaseState.AwaitingInfo,
            < 0.45 => CaseState.InProgress,
            < 0.52 => CaseState.Resolved,
            < 0.72 => CaseState.Published,
            < 0.75 => CaseState.Rebutted,
            < 0.85 => CaseState.Completed,
            < 0.92 => CaseState.Rejected,
            _ => CaseState.Closed,
        };
    }
}
