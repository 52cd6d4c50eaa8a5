namespace PhanHoi.Bot.Turns;

/// <summary>
/// A sender that only collects the turn's replies; its caller delivers them once the turn is over. Used where the
/// incoming message is itself durable (the webhook inbox) and is handed to the pipeline again if an earlier attempt
/// did not finish (a crash, an outage), so the turn must be repeatable: nothing reaches the citizen while it runs,
/// a transient failure leaves the whole turn for another attempt, and the dialog keeps the replies of a turn it
/// committed (<see cref="State.TurnJournal"/>) to send them again instead of running the turn twice.
/// </summary>
public interface IDeferredActivitySender : IActivitySender;
