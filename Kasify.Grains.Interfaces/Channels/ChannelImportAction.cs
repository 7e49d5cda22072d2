namespace Kasify.Grains.Interfaces.Channels;

/// <summary>What a sync asks of the booking calendar for one event.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Channels.ChannelImportAction")]
public enum ChannelImportAction
{
    /// <summary>The event is in the feed: create its booking, or move or reinstate it to the event's dates.</summary>
    Upsert = 0,

    /// <summary>The event left the feed (two fetches in a row): cancel its booking.</summary>
    Cancel = 1,
}
