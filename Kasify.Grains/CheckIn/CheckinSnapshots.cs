using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.CheckIn;

/// <summary>The public check-in snapshot: a booking's check-in state with what the guest form shows of its property.</summary>
internal static class CheckinSnapshots
{
    public static CheckinSnapshot Of(BookingCheckin checkin, PropertyDetails details)
    {
        var property = new PropertyInfo(
            details.Name,
            details.Address,
            details.City,
            details.ZipCode,
            details.CountryCode,
            details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
            details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
            details.TimeZone ?? PropertyLimits.DefaultTimeZone);
        return new CheckinSnapshot(
            property,
            checkin.From,
            checkin.To,
            checkin.GuestsNumber,
            checkin.CheckinCode,
            checkin.Guests,
            checkin.Completed,
            checkin.Closed,
            checkin.Guests.Any(guest => guest.IsMinor),
            checkin.Missing);
    }
}
