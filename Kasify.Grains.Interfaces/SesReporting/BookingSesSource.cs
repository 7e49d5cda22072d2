using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>
/// What the booking grain gives its SES grain to build communications: the booking as stored, and the registered
/// guests still encrypted (only silo code holding the key reads them).
/// </summary>
/// <param name="Details">The booking's host-set fields.</param>
/// <param name="CreatedAt">When the booking was created (the booking report's trigger).</param>
/// <param name="CheckinCompletedAt">When the last expected guest registered (the guest register's trigger), if so.</param>
/// <param name="ArrivalAt">The arrival instant in the property's zone.</param>
/// <param name="DepartureAt">The departure instant in the property's zone.</param>
/// <param name="Guests">The registered guests in registration order.</param>
/// <param name="Unsettled">A change is being written: what the other fields show may still be rolled back.</param>
/// <param name="Facts">The property's account and establishment data, as the booking last heard of them.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.BookingSesSource")]
public sealed record BookingSesSource(
    BookingDetails Details,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CheckinCompletedAt,
    DateTimeOffset ArrivalAt,
    DateTimeOffset DepartureAt,
    ImmutableArray<EncryptedGuest> Guests,
    bool Unsettled,
    PropertySesFacts Facts);
