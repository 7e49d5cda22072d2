using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// One channel calendar (an iCal import feed) of a property. Key: the property id with the calendar id as the key
/// extension ("airbnb" and "booking" for the property's own URLs). It fetches its URL on a durable reminder and on
/// demand, and reconciles the events into the property's bookings through the booking calendar. Only the property's
/// channel registry configures it; it calls the booking calendar and the activity feed, nobody calls it back.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Channels.IChannelCalendarGrain")]
public interface IChannelCalendarGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Starts or changes syncing (a first sync follows at once, after the answer).</summary>
    [Alias("ConfigureAsync")]
    Task ConfigureAsync(ChannelCalendarSettings settings);

    /// <summary>Stops syncing and forgets the feed; bookings it imported stay as they are.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync();

    /// <summary>Syncs now (or joins the sync under way) and answers the status after it.</summary>
    [Alias("SyncNowAsync")]
    Task<ChannelCalendarStatus> SyncNowAsync();

    /// <summary>The status, without waiting for a sync under way.</summary>
    [ReadOnly, Alias("GetStatusAsync")]
    Task<ChannelCalendarStatus> GetStatusAsync();
}
