using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// A rental property and its members. Key: property id. Every call names the calling user; a caller with no role on
/// the property gets <c>property.not_found</c>, exactly as for a property that does not exist.
/// The property also keeps its bookings' calendar and decides every booking change, one call at a time, so two
/// requests can never both take the same nights. Roles on bookings: owners and managers read and write; staff read
/// without guest personal data; contractors get <c>booking.forbidden</c>.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Rentals.IPropertyGrain")]
public interface IPropertyGrain : IGrainWithGuidKey
{
    /// <summary>Creates the property in the caller's account with the caller as owner.</summary>
    [Alias("CreateAsync")]
    Task<PropertyDto> CreateAsync(Guid callerId, PropertyDetails details);

    /// <summary>The property as the caller sees it, or null when it does not exist or the caller has no role.</summary>
    [Alias("GetAsync")]
    Task<PropertyDto?> GetAsync(Guid callerId);

    /// <summary>Replaces every mutable field (owner or manager).</summary>
    [Alias("ReplaceAsync")]
    Task<PropertyDto> ReplaceAsync(Guid callerId, PropertyDetails details);

    /// <summary>Changes only the fields set in the patch (owner or manager).</summary>
    [Alias("PatchAsync")]
    Task<PropertyDto> PatchAsync(Guid callerId, PropertyPatch patch);

    /// <summary>Deletes the property and its cover image, and removes every member's role (owner only).</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(Guid callerId);

    /// <summary>Stores a new cover image (owner or manager); the API has checked type and size.</summary>
    [Alias("SetCoverImageAsync")]
    Task<PropertyDto> SetCoverImageAsync(Guid callerId, string contentType, byte[] content);

    /// <summary>The cover image, or null when the property has none or the caller has no role.</summary>
    [Alias("GetCoverImageAsync")]
    Task<CoverImage?> GetCoverImageAsync(Guid callerId);

    /// <summary>Removes the cover image (owner or manager); removing a missing image is a no-op.</summary>
    [Alias("RemoveCoverImageAsync")]
    Task<PropertyDto> RemoveCoverImageAsync(Guid callerId);

    /// <summary>
    /// Creates a booking (owner or manager) with a new check-in code. An active booking whose nights overlap another
    /// active booking's is a 409 <c>booking.overlap</c> naming that booking; a guest leaving on the day the next arrives
    /// is no overlap.
    /// </summary>
    [Alias("CreateBookingAsync")]
    Task<BookingDto> CreateBookingAsync(Guid callerId, BookingDetails details);

    /// <summary>One of the property's bookings as the caller may see it, or null when it is not this property's or the caller has no role.</summary>
    [Alias("GetBookingAsync")]
    Task<BookingDto?> GetBookingAsync(Guid callerId, Guid bookingId);

    /// <summary>
    /// Merges a patch into a booking (owner or manager); <c>booking.not_found</c> when it is not this property's or the
    /// caller has no role. New dates, and a cancelled booking made active again, are checked for overlaps like a create;
    /// cancelling frees the dates.
    /// </summary>
    [Alias("UpdateBookingAsync")]
    Task<BookingDto> UpdateBookingAsync(Guid callerId, Guid bookingId, BookingPatch patch);

    /// <summary>One page of the property's bookings that match the query, in its order.</summary>
    [Alias("ListBookingsAsync")]
    Task<Page<BookingDto>> ListBookingsAsync(Guid callerId, BookingQuery query, PageRequest page);

    /// <summary>
    /// For lists across properties: how many bookings match and the first <paramref name="limit"/> in the query's order.
    /// Nothing for a caller who may not see the property's bookings.
    /// </summary>
    [Alias("FindBookingsAsync")]
    Task<BookingMatches> FindBookingsAsync(Guid callerId, BookingQuery query, int limit);

    /// <summary>The property's bookings among <paramref name="bookingIds"/>, as the caller may see them (none for contractors).</summary>
    [Alias("GetBookingsAsync")]
    Task<ImmutableArray<BookingDto>> GetBookingsAsync(Guid callerId, ImmutableArray<Guid> bookingIds);

    /// <summary>
    /// The stay in progress now (arrival &lt;= now &lt; departure in the property's time zone), or null. When a late
    /// departure and an early arrival meet, the guest who arrived first is still the current one.
    /// </summary>
    [Alias("GetCurrentBookingAsync")]
    Task<BookingDto?> GetCurrentBookingAsync(Guid callerId);

    /// <summary>
    /// The property's calendar for the window (defaults: today in the property's time zone to one month later, both
    /// included): one event per booking whose dates touch the window, cancelled ones left out. Contractors get no
    /// booking events; staff get no guest names. <c>property.not_found</c> when the caller has no role; a window
    /// ending before it starts or over <see cref="CalendarWindow.MaxDays"/> days is a field error.
    /// </summary>
    [Alias("GetCalendarAsync")]
    Task<PropertyCalendar> GetCalendarAsync(Guid callerId, CalendarWindow window);

    /// <summary>For calendars across properties: as <see cref="GetCalendarAsync"/>, but null when the caller has no role.</summary>
    [Alias("FindCalendarAsync")]
    Task<PropertyCalendar?> FindCalendarAsync(Guid callerId, CalendarWindow window);

    /// <summary>
    /// Arrivals and departures of active bookings on today and the <paramref name="days"/> - 1 days after, in the
    /// property's time zone, ordered by instant. Nothing for contractors or callers without a role.
    /// </summary>
    [Alias("GetUpcomingAsync")]
    Task<ImmutableArray<TimelineEvent>> GetUpcomingAsync(Guid callerId, int days);

    /// <summary>
    /// The property's activity feed as the caller may see it: its size and the newest <paramref name="limit"/> entries.
    /// Contractors see no booking events. Null when the caller has no role.
    /// </summary>
    [Alias("GetActivityAsync")]
    Task<PropertyActivity?> GetActivityAsync(Guid callerId, int limit);

    /// <summary>
    /// Public: the check-in snapshot of one of the property's bookings, or null when the property is deleted or the
    /// booking is not its. The caller has resolved a check-in code to the booking; no user is involved.
    /// </summary>
    [Alias("GetCheckinAsync")]
    Task<CheckinSnapshot?> GetCheckinAsync(Guid bookingId);

    /// <summary>
    /// Public: registers a guest on one of the property's bookings (see <see cref="IBookingGrain.RegisterGuestAsync"/>)
    /// and returns the updated snapshot; 404 <c>checkin.not_found</c> when the property is deleted or the booking is not its.
    /// </summary>
    [Alias("RegisterGuestAsync")]
    Task<CheckinSnapshot> RegisterGuestAsync(Guid bookingId, GuestRegistration guest);

    /// <summary>
    /// Public: replaces a registered guest's data on one of the property's bookings (see
    /// <see cref="IBookingGrain.ReplaceGuestAsync"/>) and returns the updated snapshot.
    /// </summary>
    [Alias("ReplaceGuestAsync")]
    Task<CheckinSnapshot> ReplaceGuestAsync(Guid bookingId, Guid guestId, GuestRegistration guest);

    /// <summary>
    /// For the guest list across properties: how many guests registered on the property's bookings match the text, and
    /// the newest <paramref name="limit"/> of them. Nothing for callers other than owners and managers.
    /// </summary>
    [Alias("FindGuestsAsync")]
    Task<GuestMatches> FindGuestsAsync(Guid callerId, string? text, int limit);
}
