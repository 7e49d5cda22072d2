using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// A property's channel calendars: which feeds it imports (the property's <c>airbnb_ical_url</c> and
/// <c>booking_ical_url</c>, and calendars added for other channels), who may see and sync them, and its export calendar
/// with a record of which channel fetched it when. Key: the property id. The property pushes its access
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

    /// <summary>Adds an import calendar (VRBO and others); owners and managers only. A first sync follows.</summary>
    [Alias("AddCalendarAsync")]
    Task<ChannelCalendarStatus> AddCalendarAsync(Guid callerId, NewChannelCalendar calendar);

    /// <summary>Changes how a calendar's events read (the next sync applies it to every event); owners and managers only.</summary>
    [Alias("SetReadingAsync")]
    Task<ChannelCalendarStatus> SetReadingAsync(Guid callerId, string calendarId, ChannelEventReading reading);

    /// <summary>Removes an added calendar; the property's own ones go by clearing their URL. Its bookings stay.</summary>
    [Alias("RemoveCalendarAsync")]
    Task RemoveCalendarAsync(Guid callerId, string calendarId);

    /// <summary>The export token and, per channel, its imports, its last fetch of the export and what it has not seen.</summary>
    [Alias("GetExposureAsync")]
    Task<ChannelExposure> GetExposureAsync(Guid callerId);

    /// <summary>Replaces the export token: the old URL stops working at once.</summary>
    [Alias("RotateExportTokenAsync")]
    Task<ChannelExposure> RotateExportTokenAsync(Guid callerId);

    /// <summary>
    /// The export calendar for <paramref name="token"/>, recording the fetch (time, user agent, which channel it is when
    /// recognisable); null when the token is not this property's current one.
    /// </summary>
    [Alias("ExportAsync")]
    Task<ChannelExport?> ExportAsync(string token, string? userAgent);
}
