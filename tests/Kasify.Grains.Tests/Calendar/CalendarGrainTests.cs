using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Calendar;

public sealed class CalendarGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly TodayInMadrid() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);

    private async Task<(Guid OwnerId, IPropertyGrain Property, Guid PropertyId)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var id = Guid.NewGuid();
        var property = _grains.GetGrain<IPropertyGrain>(id);
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property, id);
    }

    [Fact]
    public async Task BookingChangesWriteTheFeedWithoutGuestData()
    {
        var (ownerId, property, propertyId) = await NewPropertyAsync();

        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2027-03-12", "2027-03-15"));
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { To = Patch<DateOnly?>.Set(Date("2027-03-16")) });
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty); // no change, no entry
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        await _grains.BookingsSettledAsync(propertyId); // the feed is written from the calendar's outbox after each answer

        var feed = await _grains.GetGrain<IActivityFeedGrain>(propertyId).GetLatestAsync(null, 10);

        Assert.Equal([ActivityKind.BookingCancelled, ActivityKind.BookingChanged, ActivityKind.BookingCreated], feed.Select(entry => entry.Kind));
        Assert.All(feed, entry =>
        {
            Assert.Equal(booking.Id, entry.BookingId);
            Assert.Equal(ownerId, entry.ActorUserId);
            Assert.Equal(propertyId, entry.PropertyId);
            foreach (var secret in new[] { "Ana", "García", "ana@example.org", "600", "Late arrival", "Baby cot", "HM123" })
            {
                Assert.DoesNotContain(secret, entry.Summary, StringComparison.OrdinalIgnoreCase);
            }
        });
        Assert.Equal("Booking 12–15 Mar 2027 created (airbnb, 3 guests)", feed[2].Summary);
        Assert.Equal("Booking moved to 12–16 Mar 2027 (was 12–15 Mar 2027; airbnb, 3 guests)", feed[1].Summary);
        Assert.Equal("Booking 12–16 Mar 2027 cancelled (airbnb, 3 guests)", feed[0].Summary);
        Assert.Equal(3, feed.Select(entry => entry.Id).Distinct().Count());
    }

    [Fact]
    public async Task TheCalendarShowsActiveBookingsTouchingTheInclusiveWindow()
    {
        var (ownerId, property, _) = await NewPropertyAsync();
        var before = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-06-25", "2030-07-01")); // leaves on the first day
        var inside = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-10", "2030-07-12"));
        var after = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-31", "2030-08-03")); // arrives on the last day
        await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-08-01", "2030-08-05", BookingStatus.Cancelled));
        await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-06-01", "2030-06-20"));
        await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-20", "2030-07-22", BookingStatus.Cancelled));

        var calendar = await _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(Date("2030-07-01"), Date("2030-07-31")));

        // Each booking's cleaning task is an event too (Tasks/CleaningTaskTests); these assertions are about bookings.
        var bookingEvents = calendar.Events.Where(item => item.Type == CalendarEventType.Booking).ToList();
        Assert.Equal([before.Id, inside.Id, after.Id], bookingEvents.Select(item => item.BookingId!.Value));
        var first = bookingEvents[1];
        Assert.Equal(CalendarEventType.Booking, first.Type);
        Assert.Null(first.TaskId);
        Assert.Equal(inside.ArrivalAt, first.StartAt);
        Assert.Equal(inside.DepartureAt, first.EndAt);
        Assert.Equal("Ana García", first.GuestName);
        Assert.Equal("Ana García", first.Title);
        Assert.Equal(3, first.GuestsNumber);
        Assert.Equal((Date("2030-07-01"), Date("2030-07-31")), (calendar.From, calendar.To));
    }

    [Fact]
    public async Task TheDefaultWindowIsTodayToAMonthLaterInThePropertysZone()
    {
        var (ownerId, property, _) = await NewPropertyAsync();
        var today = TodayInMadrid();

        var calendar = await _grains.Bookings(property).GetCalendarAsync(ownerId, CalendarWindow.Default);
        var onlyFrom = await _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(Date("2030-01-31"), null));

        // Around midnight Madrid and the silo may disagree by a day; the rules are what matters.
        Assert.InRange(calendar.From.DayNumber, today.DayNumber - 1, today.DayNumber + 1);
        Assert.Equal(calendar.From.AddMonths(1), calendar.To);
        Assert.Equal(Date("2030-02-28"), onlyFrom.To);
    }

    [Theory]
    [InlineData("2030-07-10", "2030-07-09")]
    [InlineData("2030-01-01", "2031-01-02")] // 367 days
    public async Task WindowsBackwardsOrOverAYearAreFieldErrors(string from, string to)
    {
        var (ownerId, property, _) = await NewPropertyAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(Date(from), Date(to))));

        Assert.True(error.Errors.ContainsKey("to"));
        Assert.Empty((await _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(Date("2030-01-01"), Date("2030-12-31")))).Events); // 365 days: fine
        Assert.Empty((await _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(Date("2032-01-01"), Date("2032-12-31")))).Events); // 366 days: fine
    }

    [Fact]
    public async Task RolesDecideWhatTheCalendarTimelineAndFeedShow()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var staff = await _grains.RegisterNewUserAsync();
        var contractor = await _grains.RegisterNewUserAsync();
        var stranger = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(await fixture.CreatePropertyWithCrewAsync(
            owner, (staff, AccessLevel.Staff), (contractor, AccessLevel.Contractor)));
        var today = TodayInMadrid();
        var booking = await _grains.Bookings(property).CreateBookingAsync(owner.Id, BookingRulesTests.Stay("2030-01-01", "2030-01-02") with { From = today.AddDays(1), To = today.AddDays(3) });
        var window = new CalendarWindow(today.AddDays(-2), today.AddDays(10));

        var forStaff = Assert.Single((await _grains.Bookings(property).GetCalendarAsync(staff.Id, window)).Events, item => item.Type == CalendarEventType.Booking);
        Assert.Null(forStaff.GuestName);
        Assert.Equal("Booking (airbnb, 3 guests)", forStaff.Title);
        Assert.Empty((await _grains.Bookings(property).GetCalendarAsync(contractor.Id, window)).Events);
        Assert.Equal("property.not_found", (await Assert.ThrowsAsync<NotFoundException>(() => _grains.Bookings(property).GetCalendarAsync(stranger.Id, window))).Code);
        Assert.Null(await _grains.Bookings(property).FindCalendarAsync(stranger.Id, window));

        var upcoming = (await _grains.Bookings(property).GetUpcomingAsync(owner.Id, 7)).Where(item => item.Type != TimelineEventType.Task).ToList();
        Assert.Equal([TimelineEventType.Arrival, TimelineEventType.Departure], upcoming.Select(item => item.Type));
        Assert.Equal([booking.ArrivalAt, booking.DepartureAt], upcoming.Select(item => item.At));
        Assert.Equal([today.AddDays(1), today.AddDays(3)], upcoming.Select(item => item.Date));
        Assert.Equal("Ana García", upcoming[0].GuestName);
        Assert.All(await _grains.Bookings(property).GetUpcomingAsync(staff.Id, 7), item => Assert.Null(item.GuestName));
        Assert.Single(await _grains.Bookings(property).GetUpcomingAsync(owner.Id, 2)); // today and tomorrow: the arrival only
        Assert.Empty(await _grains.Bookings(property).GetUpcomingAsync(contractor.Id, 7));
        Assert.Empty(await _grains.Bookings(property).GetUpcomingAsync(stranger.Id, 7));

        Assert.Equal(1, (await property.GetActivityAsync(owner.Id, 10))!.Total);
        Assert.Single((await property.GetActivityAsync(staff.Id, 10))!.Latest);
        var forContractor = await property.GetActivityAsync(contractor.Id, 10);
        Assert.Equal(0, forContractor!.Total);
        Assert.Empty(forContractor.Latest);
        Assert.Null(await property.GetActivityAsync(stranger.Id, 10));
    }
}
