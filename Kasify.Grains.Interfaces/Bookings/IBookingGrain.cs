using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// One stay at a property. Key: booking id. The property's booking calendar decides every change of the host-set fields
/// and delivers it here (<see cref="ApplyAsync"/>); guests check in here directly, through their check-in code, without
/// any property queue in between. What the booking needs of its property (zone and times, the address the guest form
/// shows, the establishment data the police report carries) it reads from the property's stored row when it activates
/// and takes as pushed afterwards; it calls only the check-in code index, the property's guest index and the activity
/// feed, never the calendar or the property, so call chains stay acyclic.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.IBookingGrain")]
public interface IBookingGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The property the booking belongs to, or null when there is no such booking. Reveals nothing else, so anyone may
    /// ask: booking ids are unguessable and the caller's right to the booking is checked by the property next.
    /// </summary>
    [ReadOnly, Alias("GetPropertyIdAsync")]
    Task<Guid?> GetPropertyIdAsync();

    /// <summary>
    /// Stores the calendar's accepted change: a first write (revision 0) creates the booking with a freshly generated
    /// check-in code; a revision already stored changes nothing. Returns the booking as now stored.
    /// </summary>
    [Alias("ApplyAsync")]
    Task<BookingDto> ApplyAsync(BookingWrite write);

    /// <summary>The whole booking (unredacted), or null when there is no such booking.</summary>
    [ReadOnly, Alias("GetAsync")]
    Task<BookingDto?> GetAsync();

    /// <summary>The stored fields a change is merged into, or null when there is no such booking.</summary>
    [ReadOnly, Alias("GetForChangeAsync")]
    Task<BookingForChange?> GetForChangeAsync();

    /// <summary>Takes a newer version of the property's access snapshot (zone, times, address, establishment data).</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>Public: the check-in snapshot, or null when there is no such booking or its property is gone.</summary>
    [ReadOnly, Alias("GetCheckinAsync")]
    Task<CheckinSnapshot?> GetCheckinAsync();

    /// <summary>
    /// Validates the guest against the SES.HOSPEDAJES rules (400 <c>validation.failed</c> with rule codes), stores it
    /// encrypted and returns the updated check-in state. 409 <c>checkin.closed</c> after the departure date (in the
    /// property's zone) or on a cancelled booking; 409 <c>checkin.full</c> once <c>guests_number</c> guests have registered.
    /// The last expected guest sets <c>checkin_completed_at</c>. Registrations are serialized by this grain.
    /// </summary>
    [Alias("RegisterGuestAsync")]
    Task<CheckinSnapshot> RegisterGuestAsync(GuestRegistration guest);

    /// <summary>
    /// Replaces a registered guest's data (the same checks as a registration), to fix what SES.HOSPEDAJES refused. On a
    /// complete check-in the replacement completes it again (a new <c>checkin_completed_at</c>), which resends the guest
    /// register. 404 <c>checkin.guest_not_found</c>; 409 <c>checkin.closed</c>; 409 <c>checkin.reported</c> while the
    /// register carrying the guest is with the Ministry or was accepted.
    /// </summary>
    [Alias("ReplaceGuestAsync")]
    Task<CheckinSnapshot> ReplaceGuestAsync(Guid guestId, GuestRegistration guest);

    /// <summary>
    /// The booking, its property's establishment facts and its encrypted guests for the booking's SES grain, or null when
    /// there is no such booking (or its property is gone).
    /// Interleaves: it only reads state, so the SES grain never waits behind a registration.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetSesSourceAsync")]
    Task<BookingSesSource?> GetSesSourceAsync();

    /// <summary>Stores the SES tracking the booking's SES grain computed, unless a newer one is already stored.</summary>
    [Alias("RecordSesTrackingAsync")]
    Task RecordSesTrackingAsync(SesTracking tracking);

    /// <summary>
    /// Pushes the booking's guests to its property's guest index as they are stored now; asked once by the booking
    /// calendar for bookings stored before the index existed. Repeating it changes nothing.
    /// </summary>
    [Alias("IndexGuestsAsync")]
    Task IndexGuestsAsync();

    /// <summary>
    /// Erases the booking with its guests' (encrypted) identity data and releases its check-in code; called by the
    /// booking calendar when the property is deleted. Erasing an erased booking is a no-op.
    /// </summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
