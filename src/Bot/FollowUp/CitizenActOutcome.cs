using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;

namespace PhanHoi.Bot.FollowUp;

/// <summary>Tells the citizen what became of their action: <c>{dialog}.done</c>, <c>.notAllowed</c>, not found, or a failure.</summary>
internal static class CitizenActOutcome
{
    public static Task SayAsync(ScriptedStep step, string dialog, CitizenActResult result, CancellationToken cancellationToken)
    {
        var key = result switch
        {
            CitizenActResult.Done => dialog + ".done",
            CitizenActResult.NotAllowed => dialog + ".notAllowed",
            CitizenActResult.NotFound => "lookup.notFound",
            _ => "action.failed",
        };
        return step.Waterfall.SendAsync(key, step.Variables(), cancellationToken);
    }
}
