namespace Kasify.Fakes.Channels;

/// <summary>
/// An event of a fake feed. Dates are calendar dates; <see cref="End"/> is exclusive (the checkout date), as channels
/// write DTEND. Without <see cref="Uid"/> the fake assigns one in the channel's style.
/// </summary>
public sealed record ChannelFakeEvent
{
    public string? Uid { get; init; }

    public required DateOnly Start { get; init; }

    /// <summary>The checkout date (exclusive).</summary>
    public required DateOnly End { get; init; }

    public ChannelEventKind Kind { get; init; } = ChannelEventKind.Stay;

    /// <summary>The channel's reservation code (Airbnb <c>HM…</c>, VRBO reservation id).</summary>
    public string? ReservationCode { get; init; }

    /// <summary>The last four digits of the guest's phone, as Airbnb shows them.</summary>
    public string? PhoneLast4 { get; init; }

    /// <summary>The guest's first name, as VRBO puts it in the SUMMARY.</summary>
    public string? GuestName { get; init; }

    /// <summary>SUMMARY for the <see cref="ChannelFeedShape.Other"/> shape.</summary>
    public string? Summary { get; init; }

    /// <summary>DESCRIPTION for the <see cref="ChannelFeedShape.Other"/> shape.</summary>
    public string? Description { get; init; }

    /// <summary>False writes DATE-TIME values from <see cref="StartTime"/>/<see cref="EndTime"/> instead of VALUE=DATE.</summary>
    public bool AllDay { get; init; } = true;

    /// <summary>The IANA zone of a timed event (TZID plus a VTIMEZONE); "UTC" writes UTC times; none writes floating times.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The check-in time of a timed event.</summary>
    public TimeOnly StartTime { get; init; } = new(16, 0);

    /// <summary>The checkout time of a timed event.</summary>
    public TimeOnly EndTime { get; init; } = new(11, 0);

    /// <summary>A raw RRULE value written as given, e.g. <c>FREQ=WEEKLY;COUNT=4</c>.</summary>
    public string? Rrule { get; init; }

    /// <summary>Occurrences excluded from <see cref="Rrule"/>, by start date.</summary>
    public IReadOnlyList<DateOnly> Exdates { get; init; } = [];
}
