using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Tests.Calendar;

public sealed class CalendarConfigurationTests
{
    [Fact]
    public void Calendar_section_is_bound_and_applied()
    {
        var configuration = Configuration(new()
        {
            ["Calendar:Holidays:0"] = "2026-03-02",
            ["Calendar:WorkingWeekends:0"] = "2026-03-07",
        });
        using var provider = new ServiceCollection().AddWorkingCalendar(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var calendar = provider.GetRequiredService<IWorkingCalendar>();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.Same(calendar, provider.GetRequiredService<IWorkingCalendar>());
    }

    [Fact]
    public void A_configuration_change_is_picked_up_without_a_restart()
    {
        var configuration = Configuration([]);
        using var provider = new ServiceCollection().AddWorkingCalendar(configuration).BuildServiceProvider();
        var calendar = provider.GetRequiredService<IWorkingCalendar>();
        var submitted = new DateOnly(2027, 3, 5);
        Assert.Equal(new DateOnly(2027, 3, 9), calendar.AddWorkingDays(submitted, 2));

        configuration["Calendar:Holidays:0"] = "2027-03-08";
        configuration.Reload();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 8)));
        Assert.Equal(new DateOnly(2027, 3, 10), calendar.AddWorkingDays(submitted, 2));
    }

    [Fact]
    public void A_bad_date_stops_the_start_and_is_named()
    {
        var configuration = Configuration(new()
        {
            ["Calendar:Holidays:0"] = "2026-03-02",
            ["Calendar:Holidays:1"] = "02/03/2026",
        });
        using var provider = new ServiceCollection().AddWorkingCalendar(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Calendar:Holidays:1 '02/03/2026'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Holidays:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-01", "is not a date")]
    [InlineData("2026-2-3", "is not a date")]
    [InlineData("", "is not a date")]
    [InlineData("1850-01-01", "is outside the supported years")]
    public void Validator_names_each_bad_working_weekend(string value, string reason)
    {
        var result = new CalendarOptionsValidator().Validate(null, new CalendarOptions { WorkingWeekends = ["2026-01-10", value] });

        Assert.True(result.Failed);
        Assert.Contains($"Calendar:WorkingWeekends:1 '{value}' {reason}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_refuses_a_date_that_is_both_a_holiday_and_a_working_day()
    {
        var result = new CalendarOptionsValidator().Validate(
            null, new CalendarOptions { Holidays = ["2026-03-07"], WorkingWeekends = [" 2026-03-07 "] });

        Assert.True(result.Failed);
        Assert.Contains("2026-03-07 is listed both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_accepts_empty_and_well_formed_sections()
    {
        Assert.True(new CalendarOptionsValidator().Validate(null, new CalendarOptions()).Succeeded);
        Assert.True(new CalendarOptionsValidator().Validate(
            null, new CalendarOptions { Holidays = ["2027-02-05"], WorkingWeekends = ["2027-01-30"] }).Succeeded);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
