namespace Kasify.Api.Timeline;

/// <summary>One day of the upcoming timeline (a date in the properties' own time zones) and what happens on it, by time.</summary>
internal sealed record TimelineDayResponse(DateOnly Date, IReadOnlyList<TimelineEventResponse> Events);
