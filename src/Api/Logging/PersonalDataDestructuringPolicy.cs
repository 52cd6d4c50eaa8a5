using System.Diagnostics.CodeAnalysis;
using PhanHoi.Bot.Workflow.Cases;
using Serilog.Core;
using Serilog.Events;

namespace PhanHoi.Bot.Api.Logging;

/// <summary>Personal data never reaches a log sink, even when a whole object is logged with <c>{@Case}</c>.</summary>
public sealed class PersonalDataDestructuringPolicy : IDestructuringPolicy
{
    private static readonly ScalarValue Masked = new("***");

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        switch (value)
        {
            case CitizenDetails or ProxyDetails:
                result = Masked;
                return true;
            case Case c:
                result = new StructureValue(
                [
                    new LogEventProperty(nameof(Case.Code), new ScalarValue(c.Code)),
                    new LogEventProperty(nameof(Case.State), new ScalarValue(c.State)),
                    new LogEventProperty(nameof(Case.Version), new ScalarValue(c.Version)),
                ], nameof(Case));
                return true;
            default:
                result = null;
                return false;
        }
    }
}
