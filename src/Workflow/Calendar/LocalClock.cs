namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>Dates that matter to the law are local dates in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class LocalClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset? ToLocal(DateTimeOffset? instant) => instant?.ToOffset(Offset);

    /// <summary>The last instant of a local day: when a deadline on that day expires.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new(date.ToDateTime(new TimeOnly(23, 59, 59)), Offset);
}
