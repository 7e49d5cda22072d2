using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

[GenerateSerializer, Alias("Kasify.Grains.Channels.PropertyChannelsState")]
internal sealed class PropertyChannelsState
{
    /// <summary>The calendars the property imports, by calendar id, as last given to their feed grains.</summary>
    [Id(0)]
    public Dictionary<string, ChannelCalendarSettings> Calendars { get; set; } = [];

    /// <summary>The secret of the export calendar's URL; made on first use.</summary>
    [Id(1)]
    public string? ExportToken { get; set; }

    /// <summary>Each channel's latest fetch of the export calendar.</summary>
    [Id(2)]
    public Dictionary<ChannelCalendarChannel, ExportFetch> Fetches { get; set; } = [];

    /// <summary>A hash of the exported nights as last served, and when they last changed (the export's Last-Modified).</summary>
    [Id(3)]
    public string? ExportHash { get; set; }

    [Id(4)]
    public DateTimeOffset? ExportChangedAt { get; set; }

    /// <summary>The fetch time each silent channel was warned about, so one silence writes one entry.</summary>
    [Id(5)]
    public Dictionary<ChannelCalendarChannel, DateTimeOffset> SilenceReported { get; set; } = [];

    /// <summary>The outbox: feed entries not yet in the property's activity feed.</summary>
    [Id(6)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>How the owner chose to read each calendar's events, where not by the channel's labels.</summary>
    [Id(7)]
    public Dictionary<string, ChannelEventReading> Readings { get; set; } = [];
}
