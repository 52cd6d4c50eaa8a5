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
}
