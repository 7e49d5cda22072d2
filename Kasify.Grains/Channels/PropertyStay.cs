namespace Kasify.Grains.Channels;

/// <summary>A stay or block on the property that did not come from the feed being reconciled; used to spot echoes.</summary>
public sealed record PropertyStay(Guid BookingId, DateOnly Arrival, DateOnly Departure);
