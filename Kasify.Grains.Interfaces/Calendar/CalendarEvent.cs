using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>
/// One event of a property's calendar. A booking event spans the stay's dates (arrival on <see cref="From"/>, departure
/// on <see cref="To"/>) and instants in the property's time zone. <see cref="TaskId"/> is for task events, which a later
/// feature adds; booking fields are null on them. <see cref="GuestName"/> is null for roles that may not see guest data.
/// </summary>
/// <param name="Type">What the event stands for.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="BookingId">The booking, for booking events.</param>
/// <param name="TaskId">The task, for task events.</param>
/// <param name="From">First day of the event.</param>
/// <param name="To">Last day of the event (a booking's departure date).</param>
/// <param name="StartAt">When it starts (a booking's arrival instant).</param>
/// <param name="EndAt">When it ends (a booking's departure instant).</param>
/// <param name="Title">A short line for the calendar: the guest's name when the caller may see it, else channel and guests.</param>
/// <param name="Status">The booking's status.</param>
/// <param name="Channel">The booking's channel.</param>
/// <param name="GuestsNumber">Everyone staying.</param>
/// <param name="GuestName">The guest's name, for owners and managers only.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Calendar.CalendarEvent")]
public sealed record CalendarEvent(
    CalendarEventType Type,
    Guid PropertyId,
    Guid? BookingId,
    Guid? TaskId,
    DateOnly From,
    DateOnly To,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    string Title,
    BookingStatus? Status,
    BookingChannel? Channel,
    int? GuestsNumber,
    string? GuestName);
