namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A booking as the grains that follow bookings (a property's locks and tasks) need it after a change: its nights, its
/// status and its arrival and departure instants, without guest data. Delivered at least once; a receiver keeps the
/// highest <paramref name="Revision"/> it has seen per booking and ignores older ones.
/// </summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Revision">How often the booking has changed, at the time of this change.</param>
/// <param name="From">Arrival date.</param>
/// <param name="To">Departure date.</param>
/// <param name="Active">False once cancelled.</param>
/// <param name="GuestsNumber">How many guests stay.</param>
/// <param name="ArrivalAt">The arrival instant in the property's zone and check-in time.</param>
/// <param name="DepartureAt">The departure instant in the property's zone and check-out time.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingChange")]
public sealed record BookingChange(
    Guid BookingId,
    long Revision,
    DateOnly From,
    DateOnly To,
    bool Active,
    int GuestsNumber,
    DateTimeOffset ArrivalAt,
    DateTimeOffset DepartureAt);
