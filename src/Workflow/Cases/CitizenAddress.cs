namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Where the citizen can be reached in chat: the channel (<c>zalo</c>, <c>facebook</c>, <c>webchat</c>) and the
/// platform's user id for our page/OA. Cases typed in by reception have none.
/// </summary>
public sealed record CitizenAddress(string Channel, string UserId)
{
    public override string ToString() => $"{Channel}:{UserId}";
}
