using System.Collections.Immutable;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.SesReporting;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// One stay at a property. Key: booking id. The property grain owns the booking's dates and decides every change:
/// apart from <see cref="GetPropertyIdAsync"/>, only the property grain calls this grain, after it has checked the
/// caller's role and the calendar. This grain never calls the property grain, so call chains stay acyclic.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.IBookingGrain")]
public interface IBookingGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The property the booking belongs to, or null when there is no such booking. Reveals nothing else, so anyone may
    /// ask: booking ids are unguessable and the caller's right to the booking is checked by the property next.
    /// </summary>
    [Alias("GetPropertyIdAsync")]
    Task<Guid?> GetPropertyIdAsync();

    /// <summary>Stores a new booking and registers its freshly generated check-in code.</summary>
    [Alias("CreateAsync")]
    Task<BookingDto> CreateAsync(CreateBooking command);

    /// <summary>The whole booking (unredacted), or null when there is no such booking.</summary>
    [Alias("GetAsync")]
    Task<BookingDto?> GetAsync(PropertySchedule schedule);

    /// <summary>Replaces the host-set fields with details the property grain has merged and validated.</summary>
    [Alias("UpdateAsync")]
    Task<BookingDto> UpdateAsync(BookingDetails details, PropertySchedule schedule);

    /// <summary>The booking's check-in state (guests as the public snapshot shows them), or null when there is no such booking.</summary>
    [Alias("GetCheckinAsync")]
    Task<BookingCheckin?> GetCheckinAsync(PropertySchedule schedule);

    /// <summary>
    /// Validates the guest against the SES.HOSPEDAJES rules (400 <c>validation.failed</c> with rule codes), stores it
    /// encrypted and returns the updated check-in state. 409 <c>checkin.closed</c> after the departure date (in the
    /// property's zone) or on a cancelled booking; 409 <c>checkin.full</c> once <c>guests_number</c> guests have registered.
    /// The last expected guest sets <c>checkin_completed_at</c>. Registrations are serialized by this grain.
    /// </summary>
    [Alias("RegisterGuestAsync")]
    Task<BookingCheckin> RegisterGuestAsync(GuestRegistration guest, PropertySchedule schedule);

    /// <summary>
    /// Replaces a registered guest's data (the same checks as a registration), to fix what SES.HOSPEDAJES refused. On a
    /// complete check-in the replacement completes it again (a new <c>checkin_completed_at</c>), which resends the guest
    /// register. 404 <c>checkin.guest_not_found</c>; 409 <c>checkin.closed</c>; 409 <c>checkin.reported</c> while the
    /// register carrying the guest is with the Ministry or was accepted.
    /// </summary>
    [Alias("ReplaceGuestAsync")]
    Task<BookingCheckin> ReplaceGuestAsync(Guid guestId, GuestRegistration guest, PropertySchedule schedule);

    /// <summary>
    /// The booking and its encrypted guests for the booking's SES grain, or null when there is no such booking.
    /// Interleaves: it only reads state, so the SES grain never waits behind a registration.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetSesSourceAsync")]
    Task<BookingSesSource?> GetSesSourceAsync(PropertySchedule schedule);

    /// <summary>Stores the SES tracking the booking's SES grain computed, unless a newer one is already stored.</summary>
    [Alias("RecordSesTrackingAsync")]
    Task RecordSesTrackingAsync(SesTracking tracking);

    /// <summary>
    /// The registered guests (decrypted, reduced to <see cref="GuestDto"/>) whose names or document number contain every
    /// word of <paramref name="text"/> (case- and accent-insensitively); all of them when it is blank.
    /// </summary>
    [Alias("FindGuestsAsync")]
    Task<ImmutableArray<GuestDto>> FindGuestsAsync(string? text);

    /// <summary>
    /// Erases the booking with its guests' (encrypted) identity data and releases its check-in code; called by the
    /// property grain when the property is deleted. Erasing an erased booking is a no-op.
    /// </summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
