using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>One channel's side of the property's calendars.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Imports">The property's import calendars of this channel, with their status.</param>
/// <param name="LastExportFetchAt">When this channel last fetched the property's export calendar; null if never.</param>
/// <param name="LastExportUserAgent">The user agent of that fetch.</param>
/// <param name="Unseen">Stays and blocks the channel has not seen yet: created or moved after its last fetch (its own
/// bookings left out). Each is a night the channel may still sell.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelExposureRow")]
public sealed record ChannelExposureRow(
    ChannelCalendarChannel Channel,
    ImmutableArray<ChannelCalendarStatus> Imports,
    DateTimeOffset? LastExportFetchAt,
    string? LastExportUserAgent,
    ImmutableArray<HeldDates> Unseen);
