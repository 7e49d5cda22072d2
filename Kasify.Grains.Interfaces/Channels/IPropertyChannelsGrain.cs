using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// A property's channel calendars: which feeds it imports (the property's <c>airbnb_ical_url</c> and
/// <c>booking_ical_url</c> for now) and who may see and sync them. Key: the property id. The property pushes its access
/// snapshot here like to its other concern grains; this grain configures the <see cref="IChannelCalendarGrain"/>s and
/// never calls the property back.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Channels.IPropertyChannelsGrain")]
public interface IPropertyChannelsGrain : IGrainWithGuidKey
{
    /// <summary>Takes a newer access snapshot and starts, changes or stops the feeds its URLs name.</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>The property's channel calendars with their status. Owners and managers only.</summary>
    [ReadOnly, Alias("GetCalendarsAsync")]
    Task<ImmutableArray<ChannelCalendarStatus>> GetCalendarsAsync(Guid callerId);

    /// <summary>
    /// The ids of the calendars a "sync now" of <paramref name="channelOrId"/> (a channel name or a calendar id) reaches;
    /// owners and managers only. Empty when none matches.
    /// </summary>
    [ReadOnly, Alias("ResolveForSyncAsync")]
    Task<ImmutableArray<string>> ResolveForSyncAsync(Guid callerId, string channelOrId);
}
