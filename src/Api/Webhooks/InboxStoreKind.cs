namespace PhanHoi.Bot.Api.Webhooks;

/// <summary><c>Inbox:Store</c>: which store holds the durable webhook inbox.</summary>
public enum InboxStoreKind
{
    /// <summary>The case store (PostgreSQL or the embedded SQLite).</summary>
    Database,

    /// <summary>Redis (<c>ConnectionStrings:Redis</c>), saving the database three statements per webhook event.</summary>
    Redis,
}
