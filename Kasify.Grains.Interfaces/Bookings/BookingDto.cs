using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A booking as one caller may see it. For staff the guest's personal data and free texts (names, email, phone,
/// notes, special requests) and the check-in code are null. <see cref="ArrivalAt"/> and <see cref="DepartureAt"/>
/// are the stay's instants in the property's time zone (see <see cref="BookingDetails"/> for the time defaults).
/// <see cref="Ses"/> is the SES.HOSPEDAJES tracking; only owners and managers see its per-guest results.
/// <see cref="Source"/> is the id of the channel calendar the booking was imported from, null when a person entered it;
/// <see cref="LastSyncAt"/> is when that calendar's sync last created or changed it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingDto")]
public sealed record BookingDto(
    Guid Id,
    Guid PropertyId,
    BookingDetails Details,
    string? CheckinCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CheckinCompletedAt,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset ArrivalAt,
    DateTimeOffset DepartureAt,
    SesTracking Ses,
    string? Source = null);
