using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>Rejects at start a <c>Calendar</c> section that would silently miss a day: it names each bad entry.</summary>
public sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var holidays = CheckDates(nameof(CalendarOptions.Holidays), options.Holidays, failures);
        var workingDays = CheckDates(nameof(CalendarOptions.WorkingWeekends), options.WorkingWeekends, failures);

        foreach (var date in holidays.Intersect(workingDays).Order())
        {
            failures.Add(
                $"{CalendarOptions.SectionName}: {date:yyyy-MM-dd} is listed both in {nameof(CalendarOptions.Holidays)} " +
                $"and in {nameof(CalendarOptions.WorkingWeekends)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static HashSet<DateOnly> CheckDates(string key, List<string>? values, List<string> failures)
    {
        var dates = new HashSet<DateOnly>();
        for (var index = 0; index < (values?.Count ?? 0); index++)
        {
            var value = values![index];
            var entry = $"{CalendarOptions.SectionName}:{key}:{index}";
            if (!CalendarOptions.TryParseDate(value, out var date))
            {
                failures.Add($"{entry} '{value}' is not a date in {CalendarOptions.DateFormat} form.");
            }
            else if (date.Year is < WorkingDayCalendar.MinYear or > WorkingDayCalendar.MaxYear)
            {
                failures.Add($"{entry} '{value}' is outside the supported years {WorkingDayCalendar.MinYear}–{WorkingDayCalendar.MaxYear}.");
            }
            else
            {
                dates.Add(date);
            }
        }

        return dates;
    }
}
