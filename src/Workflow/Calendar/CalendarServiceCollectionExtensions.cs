using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Workflow.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Calendar</c> from <paramref name="configuration"/> (the root configuration), validates it at start,
    /// and registers <see cref="IWorkingCalendar"/> as a singleton that follows configuration reloads.
    /// </summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.TryAddSingleton(VietnamHolidays.Official);
        services.TryAddSingleton(provider => new WorkingDayCalendar(
            provider.GetRequiredService<IOptionsMonitor<CalendarOptions>>(),
            provider.GetRequiredService<VietnamHolidays>()));
        services.TryAddSingleton<IWorkingCalendar>(provider => provider.GetRequiredService<WorkingDayCalendar>());
        return services;
    }
}
