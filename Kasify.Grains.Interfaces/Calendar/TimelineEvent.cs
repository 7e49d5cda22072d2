using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>
/// Something happening at a property on one day of the upcoming timeline. <see cref="Date"/> is the day in the
/// property's time zone; <see cref="At"/> the instant. <see cref="GuestName"/> is null for roles that may not see guest data.
/// </summary>
/// <param name="Date">The day, in the property's time zone.</param>
/// <param name="Type">Arrival or departure (tasks later).</param>
/// <param name="At">The instant.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="PropertyName">The property's name.</param>
/// <param name="BookingId">The booking, for arrivals and departures.</param>
/// <param name="TaskId">The task, for task events.</param>
/// <param name="Channel">The booking's channel.</param>
/// <param name="GuestsNumber">Everyone staying.</param>
/// <param name="GuestName">The guest's name, for owners and managers only.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Calendar.TimelineEvent")]
public sealed record TimelineEvent(
    DateOnly Date,
    TimelineEventType Type,
    DateTimeOffset At,
    Guid PropertyId,
    string PropertyName,
    Guid? BookingId,
    Guid? TaskId,
    BookingChannel? Channel,
    int? GuestsNumber,
    string? GuestName);
