namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A booking's host-set fields as the booking calendar accepted them, at <paramref name="Revision"/>: the calendar
/// delivers it to the booking grain at least once, and the booking grain ignores a revision it already has.
/// </summary>
/// <param name="PropertyId">The booking's property.</param>
/// <param name="Revision">Grows with every accepted change; 0 creates the booking.</param>
/// <param name="Details">The merged and validated fields.</param>
/// <param name="At">When the calendar accepted the change.</param>
/// <param name="Source">The channel feed the change came from (its calendar id), null for a person's change.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingWrite")]
public sealed record BookingWrite(Guid PropertyId, long Revision, BookingDetails Details, DateTimeOffset At, string? Source = null);
