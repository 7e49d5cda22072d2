using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>The booking's part of a check-in snapshot, as the booking grain reports it; the property adds its own.</summary>
/// <param name="From">Arrival date.</param>
/// <param name="To">Departure date.</param>
/// <param name="GuestsNumber">Guests expected: adults + children + infants.</param>
/// <param name="CheckinCode">The booking's public check-in code.</param>
/// <param name="Guests">The guests registered so far, in registration order.</param>
/// <param name="Completed">Every expected guest has registered and nothing in <paramref name="Missing"/>.</param>
/// <param name="Closed">No more registrations: the departure date has passed in the property's zone, or the booking is cancelled.</param>
/// <param name="Missing">What registered guests still have to give before the check-in completes.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.BookingCheckin")]
public sealed record BookingCheckin(
    DateOnly From,
    DateOnly To,
    int GuestsNumber,
    string CheckinCode,
    ImmutableArray<CheckinGuest> Guests,
    bool Completed,
    bool Closed,
    ImmutableArray<CheckinRequirement> Missing);
