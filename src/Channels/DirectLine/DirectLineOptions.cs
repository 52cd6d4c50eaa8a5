using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>Section <c>Channels:DirectLine</c>: the Direct Line 3.0 subset that serves the official Web Chat control.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "Channels:DirectLine";

    /// <summary>
    /// Base64 key (32 bytes or more) signing conversation tokens and the browser's user cookie. Empty: the host derives
    /// one from the staff signing key, so tokens and web chat identities survive a restart and are shared by instances.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a conversation token is good for; Web Chat refreshes it every 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a pre-signed <c>streamUrl</c> may wait before the client connects.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the browser keeps its web chat identity (the <c>webchat:{userId}</c> citizen address).</summary>
    public TimeSpan UserLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>A conversation nobody wrote to or read for this long is forgotten with its activities.</summary>
    public TimeSpan ConversationIdleExpiry { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A conversation read (poll or stream) within this window counts as open: notices are written into it.</summary>
    public TimeSpan OpenWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most activities kept per conversation; the oldest go first, watermarks keep counting.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>The most conversations kept in process; the least recently active go first.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 20_000;

    /// <summary>Largest activity body.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Largest uploaded file.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Files accepted by <c>…/upload</c>: photos and documents a citizen may attach to a PAKN.</summary>
    public List<string> AllowedUploadTypes { get; set; } =
        ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "application/pdf"];

    /// <summary>The bot's account in web chat conversations.</summary>
    [Required]
    public string BotId { get; set; } = "phanhoi-bot";

    [Required]
    public string BotName { get; set; } = "Phản hồi Thanh Hóa";
}
