using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>How exposed a property is to double bookings across its channels.</summary>
/// <param name="ExportToken">The secret of the export calendar's URL (<c>/calendars/{token}.ics</c>).</param>
/// <param name="Channels">One row per channel that imports from or fetches the property's calendars.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelExposure")]
public sealed record ChannelExposure(string ExportToken, ImmutableArray<ChannelExposureRow> Channels);
