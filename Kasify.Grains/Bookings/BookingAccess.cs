using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Bookings;

/// <summary>What each role on a property may do with its bookings, and what it sees of them.</summary>
internal static class BookingAccess
{
    /// <summary>Owners, managers and staff see bookings; contractors cannot see the booking list at all.</summary>
    public static bool CanRead(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager or AccessLevel.Staff;

    /// <summary>Only owners and managers create and change bookings.</summary>
    public static bool CanEdit(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>Only owners and managers see the guest's personal data.</summary>
    public static bool SeesGuestData(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>
    /// The booking as <paramref name="role"/> may see it. Staff lose the guest's name and contact details, the free texts
    /// (notes and special requests often carry personal data too) and the check-in code, whose public page names the
    /// guests, and the SES.HOSPEDAJES error texts and per-guest results (the Ministry quotes guests in them); the status,
    /// lots, codes and error codes stay.
    /// </summary>
    public static BookingDto ForRole(BookingDto booking, AccessLevel role) => SeesGuestData(role)
        ? booking
        : booking with
        {
            CheckinCode = null,
            Ses = booking.Ses with
            {
                LastError = null,
                Communications = [.. booking.Ses.Communications.Select(c => c with { Error = null, Guests = [] })],
            },
            Details = booking.Details with
            {
                Notes = null,
                GuestFirstName = null,
                GuestLastName = null,
                GuestEmail = null,
                GuestPhone = null,
                SpecialRequests = null,
            },
        };
}
