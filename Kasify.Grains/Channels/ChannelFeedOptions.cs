namespace Kasify.Grains.Channels;

/// <summary>Settings of channel calendar imports, bound from the <c>Kasify:Channels</c> section.</summary>
public sealed class ChannelFeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kasify:Channels";

    /// <summary>How often a property's feeds are fetched.</summary>
    public TimeSpan SyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one fetch may take, redirects and reading the body included.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest feed read; a larger one fails the fetch.</summary>
    public long MaxFeedBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How many redirects one fetch follows.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>The User-Agent sent to channels.</summary>
    public string UserAgent { get; set; } = "Kasify-Calendar-Sync/1.0 (+https://kasify.app)";

    /// <summary>A channel that fetched a property's export calendar and has not fetched it again for this long gets an activity entry.</summary>
    public TimeSpan ExportStaleAfter { get; set; } = TimeSpan.FromHours(12);
}
