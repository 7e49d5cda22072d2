namespace Kasify.Api.Channels;

/// <summary>The envelope of a property's channel calendars: <c>{"calendars": [...]}</c>.</summary>
internal sealed record ChannelCalendarsResponse(IReadOnlyList<ChannelCalendarResponse> Calendars);
