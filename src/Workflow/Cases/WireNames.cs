using System.Text.Json;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// States and actions as clients see them (CONTRACT.md): states snake_case (<c>in_progress</c>), actions kebab-case
/// (<c>answer-directly</c>), by the same naming policies the API's JSON uses, so a refusal's text names what the
/// client sent and reads.
/// </summary>
public static class WireNames
{
    public static string Of(CaseState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());

    public static string Of(CaseAction action) => JsonNamingPolicy.KebabCaseLower.ConvertName(action.ToString());

    public static CaseState? StateFrom(string? text) => Parse<CaseState>(text, JsonNamingPolicy.SnakeCaseLower);

    /// <summary>Every state's wire name, for an error that says what is allowed.</summary>
    public static string AllStates => string.Join(", ", Enum.GetValues<CaseState>().Select(Of));

    /// <summary>
    /// An enum from its one wire name under <paramref name="naming"/>, any case. Never a number and never a comma list:
    /// <c>Enum.TryParse</c> reads "handler,supervisor" as the two values ORed together (which is <c>Admin</c>) and "1"
    /// as a value.
    /// </summary>
    public static TEnum? Parse<TEnum>(string? text, JsonNamingPolicy naming) where TEnum : struct, Enum
    {
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(naming.ConvertName(value.ToString()), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
