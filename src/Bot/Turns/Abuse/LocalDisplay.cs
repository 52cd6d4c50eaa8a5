using System.Globalization;

namespace PhanHoi.Bot.Turns.Abuse;

/// <summary>Formats instants the way citizens read them: Vietnam time, dd/MM/yyyy.</summary>
internal static class LocalDisplay
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Vietnam).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
