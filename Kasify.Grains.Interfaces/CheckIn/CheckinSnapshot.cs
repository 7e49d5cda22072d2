using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// What the public check-in form needs (<c>CheckinSnapshot</c>): the property, the stay, the guests registered so far
/// (names and masked document numbers only) and the check-in's state.
/// </summary>
/// <param name="Property">The property.</param>
/// <param name="From">Arrival date.</param>
/// <param name="To">Departure date.</param>
/// <param name="GuestsNumber">Guests expected.</param>
/// <param name="BookingCode">The check-in code.</param>
/// <param name="Guests">Registered guests.</param>
/// <param name="CheckinCompleted">
/// Every expected guest has registered and gave what the police register needs (nothing in <paramref name="MissingData"/>).
/// </param>
/// <param name="CheckinClosed">No more registrations (departure date passed, booking cancelled).</param>
/// <param name="HasMinors">A registered guest is under 18 on the arrival date.</param>
/// <param name="MissingData">What registered guests still have to give, by guest; empty once the check-in is complete.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.CheckinSnapshot")]
public sealed record CheckinSnapshot(
    PropertyInfo Property,
    DateOnly From,
    DateOnly To,
    int GuestsNumber,
    string BookingCode,
    ImmutableArray<CheckinGuest> Guests,
    bool CheckinCompleted,
    bool CheckinClosed,
    bool HasMinors,
    ImmutableArray<CheckinRequirement> MissingData);
