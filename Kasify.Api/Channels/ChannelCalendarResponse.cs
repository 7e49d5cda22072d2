using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Api.Channels;

/// <summary>One channel calendar of a property and where its import stands.</summary>
/// <param name="Id">The calendar's id: <c>airbnb</c> or <c>booking</c> for the property's own URLs.</param>
/// <param name="Channel">airbnb, booking, vrbo or other.</param>
/// <param name="Url">The feed's URL (owners and managers only see this resource).</param>
/// <param name="Reading">How its events read: auto, stays or closures.</param>
/// <param name="LastFetchAt">When Kasify last asked the channel.</param>
/// <param name="LastSuccessAt">When it last read a usable calendar.</param>
/// <param name="Events">Events of that calendar held as bookings or blocks.</param>
/// <param name="LastErrorCode">Why the last fetch did not count; null after a success.</param>
/// <param name="LastError">The same in words.</param>
/// <param name="Conflicts">Events the property could not take because their nights are held by another booking.</param>
internal sealed record ChannelCalendarResponse(
    string Id,
    ChannelCalendarChannel? Channel,
    string? Url,
    ChannelEventReading? Reading,
    DateTimeOffset? LastFetchAt,
    DateTimeOffset? LastSuccessAt,
    int Events,
    string? LastErrorCode,
    string? LastError,
    IReadOnlyList<ChannelConflict> Conflicts)
{
    public static ChannelCalendarResponse From(ChannelCalendarStatus status) => new(
        status.CalendarId,
        status.Settings?.Channel,
        status.Settings?.Url,
        status.Settings?.Reading,
        status.LastFetchAt,
        status.LastSuccessAt,
        status.Events,
        status.LastErrorCode,
        status.LastError,
        status.Conflicts);
}
