using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

[GenerateSerializer, Alias("Kasify.Grains.Channels.PropertyChannelsState")]
internal sealed class PropertyChannelsState
{
    /// <summary>The calendars the property imports, by calendar id, as last given to their feed grains.</summary>
    [Id(0)]
    public Dictionary<string, ChannelCalendarSettings> Calendars { get; set; } = [];
}
