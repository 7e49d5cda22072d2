using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

/// <summary>Builds the <see cref="BookingChange"/> that grains following bookings receive.</summary>
internal static class BookingChanges
{
    public static BookingChange Of(Guid bookingId, long revision, BookingDetails details, PropertySchedule schedule) => new(
        bookingId,
        revision,
        details.From,
        details.To,
        details.IsStay, // a block holds dates but gets no codes or cleaning
        details.GuestsNumber,
        BookingRules.ArrivalAt(details, schedule),
        BookingRules.DepartureAt(details, schedule));
}
