using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Rentals;

/// <summary>
/// A property's bookings as the API reaches them: the booking calendar for bookings, lists and views, each booking grain
/// for check-in (with police reporting woken once a check-in completes, as the check-in endpoints do).
/// </summary>
internal readonly record struct PropertyBookings(IGrainFactory Grains, Guid PropertyId)
{
    public IBookingCalendarGrain Calendar => Grains.GetGrain<IBookingCalendarGrain>(PropertyId);

    public Task<BookingDto> CreateBookingAsync(Guid callerId, BookingDetails details) => Calendar.CreateBookingAsync(callerId, details);

    public Task<BookingDto?> GetBookingAsync(Guid callerId, Guid bookingId) => Calendar.GetBookingAsync(callerId, bookingId);

    public Task<BookingDto> UpdateBookingAsync(Guid callerId, Guid bookingId, BookingPatch patch) => Calendar.UpdateBookingAsync(callerId, bookingId, patch);

    public Task<Page<BookingDto>> ListBookingsAsync(Guid callerId, BookingQuery query, PageRequest page) => Calendar.ListBookingsAsync(callerId, query, page);

    public Task<BookingMatches> FindBookingsAsync(Guid callerId, BookingQuery query, int limit) => Calendar.FindBookingsAsync(callerId, query, limit);

    public Task<ImmutableArray<BookingDto>> GetBookingsAsync(Guid callerId, ImmutableArray<Guid> bookingIds) => Calendar.GetBookingsAsync(callerId, bookingIds);

    public Task<BookingDto?> GetCurrentBookingAsync(Guid callerId) => Calendar.GetCurrentBookingAsync(callerId);

    public Task<PropertyCalendar> GetCalendarAsync(Guid callerId, CalendarWindow window) => Calendar.GetCalendarAsync(callerId, window);

    public Task<PropertyCalendar?> FindCalendarAsync(Guid callerId, CalendarWindow window) => Calendar.FindCalendarAsync(callerId, window);

    public Task<ImmutableArray<TimelineEvent>> GetUpcomingAsync(Guid callerId, int days) => Calendar.GetUpcomingAsync(callerId, days);

    public IPropertyGuestsGrain GuestIndex => Grains.GetGrain<IPropertyGuestsGrain>(PropertyId);

    /// <summary>The guest list as the property's guest index holds it; the index follows registrations after their answer.</summary>
    public Task<GuestMatches> FindGuestsAsync(Guid callerId, string? text, int limit) => GuestIndex.FindGuestsAsync(callerId, text, limit);

    /// <summary>Waits until the guest index lists <paramref name="count"/> guests to the owner or a manager <paramref name="callerId"/>.</summary>
    public Task<GuestMatches> GuestsIndexedAsync(Guid callerId, int count)
    {
        var index = GuestIndex;
        return Eventually.UntilAsync(
            () => index.FindGuestsAsync(callerId, null, int.MaxValue),
        matches => matches.Total == count,
        TimeSpan.FromSeconds(20),
            $"the guest index to list {count} guests");
    }

    public Task<CheckinSnapshot?> GetCheckinAsync(Guid bookingId) => Grains.GetGrain<IBookingGrain>(bookingId).GetCheckinAsync();

    public async Task<CheckinSnapshot> RegisterGuestAsync(Guid bookingId, GuestRegistration guest) =>
        await WakeReportingAsync(bookingId, await Grains.GetGrain<IBookingGrain>(bookingId).RegisterGuestAsync(guest));

    public async Task<CheckinSnapshot> ReplaceGuestAsync(Guid bookingId, Guid guestId, GuestRegistration guest) =>
        await WakeReportingAsync(bookingId, await Grains.GetGrain<IBookingGrain>(bookingId).ReplaceGuestAsync(guestId, guest));

    private async Task<CheckinSnapshot> WakeReportingAsync(Guid bookingId, CheckinSnapshot snapshot)
    {
        if (snapshot.CheckinCompleted)
        {
            await Grains.GetGrain<IBookingSesGrain>(bookingId).WakeAsync();
        }

        return snapshot;
    }
}
