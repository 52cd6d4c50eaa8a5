namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>Section <c>Channels:Attachments</c>: keeping the files citizens send on Zalo and Messenger.</summary>
public sealed class AttachmentKeeperOptions
{
    public const string Section = "Channels:Attachments";

    /// <summary>
    /// The service's public address (<c>https://phanhoi.thanhhoa.gov.vn</c>), prefixed to the links of kept files;
    /// empty: the links are relative to the service (<c>/v3/directline/attachments/{id}</c>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long one file's download may take before the platform's own link is kept instead.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
