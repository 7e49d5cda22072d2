using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>Where a channel calendar's import stands.</summary>
/// <param name="CalendarId">The calendar's id on the property.</param>
/// <param name="Settings">What it syncs; null once removed.</param>
/// <param name="LastFetchAt">When it last asked the channel.</param>
/// <param name="LastSuccessAt">When it last read a usable calendar (or heard it had not changed).</param>
/// <param name="Events">Events of the last usable calendar that the property holds.</param>
/// <param name="LastErrorCode">Why the last fetch did not count (stable code, e.g. feed.http_error), null after a success.</param>
/// <param name="LastError">The same in words.</param>
/// <param name="Conflicts">Events the property could not take, kept until they can be applied or leave the feed.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelCalendarStatus")]
public sealed record ChannelCalendarStatus(
    string CalendarId,
    ChannelCalendarSettings? Settings,
    DateTimeOffset? LastFetchAt,
    DateTimeOffset? LastSuccessAt,
    int Events,
    string? LastErrorCode,
    string? LastError,
    ImmutableArray<ChannelConflict> Conflicts);
