namespace PhanHoi.Bot.Activities;

/// <summary>
/// The body of the answer to an activity sent with <c>deliveryMode: "expectReplies"</c>: the turn's replies,
/// in order, instead of posting them to the <c>serviceUrl</c>.
/// </summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}
