using System.Globalization;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Bookings;

public sealed class BookingGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static BookingDetails Stay(DateOnly from, int nights, BookingStatus status = BookingStatus.Confirmed) =>
        BookingRulesTests.Stay("2030-01-01", "2030-01-02", status) with { From = from, To = from.AddDays(nights) };

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private async Task<(Guid OwnerId, IPropertyGrain Property)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property);
    }

    [Fact]
    public async Task FiftyConcurrentCreatesForOverlappingNightsLetExactlyOneWin()
    {
        var (ownerId, property) = await NewPropertyAsync();

        // Arrivals spread over five days, seven nights each: every pair overlaps.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Booking: await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-08-01").AddDays(i % 5), 7)), Conflict: (ConflictException?)null);
            }
            catch (ConflictException conflict)
            {
                return (Booking: (BookingDto?)null, Conflict: conflict);
            }
        })));

        var winner = Assert.Single(attempts, attempt => attempt.Booking is not null).Booking!;
        var conflicts = attempts.Where(attempt => attempt.Conflict is not null).Select(attempt => attempt.Conflict!).ToList();
        Assert.Equal(49, conflicts.Count);
        Assert.All(conflicts, conflict =>
        {
            Assert.Equal("booking.overlap", conflict.Code);
            Assert.Equal(winner.Id.ToString(), conflict.Extensions["conflicting_booking_id"]);
        });
        var listed = await _grains.Bookings(property).ListBookingsAsync(ownerId, BookingQuery.All, new PageRequest(0, 100));
        Assert.Equal(winner.Id, Assert.Single(listed.Content).Id);
    }

    [Fact]
    public async Task ABookingIsCreatedWithACheckinCodeThatResolvesToIt()
    {
        var (ownerId, property) = await NewPropertyAsync();

        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 7));
        var other = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-08"), 2));

        Assert.NotNull(booking.CheckinCode);
        Assert.NotEqual(booking.CheckinCode, other.CheckinCode);
        Assert.Equal(booking.Id, await _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(booking.CheckinCode)).ResolveAsync());
        Assert.Null(await _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For("unknown-code")).ResolveAsync());
        Assert.Equal(property.GetPrimaryKey(), await _grains.GetGrain<IBookingGrain>(booking.Id).GetPropertyIdAsync());
        Assert.Null(await _grains.GetGrain<IBookingGrain>(Guid.NewGuid()).GetPropertyIdAsync());
        Assert.Equal(booking, await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id));
        Assert.Equal(DateTimeOffset.Parse("2030-07-01T15:00:00+02:00", CultureInfo.InvariantCulture), booking.ArrivalAt);
        Assert.Equal(TimeSpan.FromHours(2), booking.ArrivalAt.Offset);
    }

    [Fact]
    public async Task ACheckinCodeBelongsToOneBookingOnly()
    {
        var index = _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(Guid.NewGuid().ToString("N")));
        var first = Guid.NewGuid();

        Assert.True(await index.RegisterAsync(first));
        Assert.True(await index.RegisterAsync(first));
        Assert.False(await index.RegisterAsync(Guid.NewGuid()));
        Assert.Equal(first, await index.ResolveAsync());
    }

    [Fact]
    public async Task CancellingFreesTheDatesAndConfirmingAgainChecksThemAgain()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var first = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 7));

        var cancelled = await _grains.Bookings(property).UpdateBookingAsync(ownerId, first.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        var second = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-03"), 2));
        var reconfirm = await Assert.ThrowsAsync<ConflictException>(() =>
            _grains.Bookings(property).UpdateBookingAsync(ownerId, first.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Confirmed) }));

        Assert.Equal(BookingStatus.Cancelled, cancelled.Details.Status);
        Assert.Equal("booking.overlap", reconfirm.Code);
        Assert.Equal(second.Id.ToString(), reconfirm.Extensions["conflicting_booking_id"]);
        Assert.Equal(BookingStatus.Cancelled, (await _grains.Bookings(property).GetBookingAsync(ownerId, first.Id))!.Details.Status);
    }

    [Fact]
    public async Task MovingABookingOntoAnotherIsAConflictButATurnoverIsNot()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var first = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 7));
        var second = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-10"), 3));

        var overlap = await Assert.ThrowsAsync<ConflictException>(() =>
            _grains.Bookings(property).UpdateBookingAsync(ownerId, second.Id, Patches.Empty with { From = Patch<DateOnly?>.Set(Date("2030-07-07")) }));
        var afterConflict = await _grains.Bookings(property).GetBookingAsync(ownerId, second.Id);
        var turnover = await _grains.Bookings(property).UpdateBookingAsync(ownerId, second.Id, Patches.Empty with { From = Patch<DateOnly?>.Set(Date("2030-07-08")) });
        var longer = await _grains.Bookings(property).UpdateBookingAsync(ownerId, first.Id, Patches.Empty with { From = Patch<DateOnly?>.Set(Date("2030-06-28")) });

        Assert.Equal(first.Id.ToString(), overlap.Extensions["conflicting_booking_id"]);
        Assert.Equal(second, afterConflict);
        Assert.Equal(Date("2030-07-08"), turnover.Details.From);
        Assert.Equal(Date("2030-06-28"), longer.Details.From);
        Assert.True(turnover.UpdatedAt > second.UpdatedAt);
    }

    [Fact]
    public async Task InvalidBookingsAreFieldErrorsAndTakeNoDates()
    {
        var (ownerId, property) = await NewPropertyAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 0) with { AdultsCount = -1 }));
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3));
        var patchError = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { To = Patch<DateOnly?>.Set(Date("2030-06-30")) }));

        Assert.Equal(["adults_count", "to"], error.Errors.Keys.Order());
        Assert.Equal(["to"], patchError.Errors.Keys);
        Assert.Equal(booking, await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id));
    }

    [Fact]
    public async Task StrangersCanNeitherSeeNorTouchBookings()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3));
        var stranger = await _grains.RegisterNewUserAsync();

        Assert.Null(await _grains.Bookings(property).GetBookingAsync(stranger.Id, booking.Id));
        Assert.Equal("booking.not_found", (await Assert.ThrowsAsync<NotFoundException>(() =>
            _grains.Bookings(property).UpdateBookingAsync(stranger.Id, booking.Id, Patches.Empty with { Notes = Patch<string>.Set("mine") }))).Code);
        Assert.Equal("property.not_found", (await Assert.ThrowsAsync<NotFoundException>(() =>
            _grains.Bookings(property).CreateBookingAsync(stranger.Id, Stay(Date("2030-08-01"), 3)))).Code);
        Assert.Equal("property.not_found", (await Assert.ThrowsAsync<NotFoundException>(() =>
            _grains.Bookings(property).ListBookingsAsync(stranger.Id, BookingQuery.All, new PageRequest(0, 20)))).Code);
        Assert.Equal("property.not_found", (await Assert.ThrowsAsync<NotFoundException>(() => _grains.Bookings(property).GetCurrentBookingAsync(stranger.Id))).Code);
        Assert.Equal(0, (await _grains.Bookings(property).FindBookingsAsync(stranger.Id, BookingQuery.All, 20)).Total);
        Assert.Empty(await _grains.Bookings(property).GetBookingsAsync(stranger.Id, [booking.Id]));
    }

    [Fact]
    public async Task ABookingOfAnotherPropertyIsNotFoundThroughThisOne()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var other = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await other.CreateAsync(ownerId, PropertyGrainTests.Details("Casa Roja"));
        var booking = await _grains.Bookings(other).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3));

        Assert.Null(await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty));
        Assert.Empty(await _grains.Bookings(property).GetBookingsAsync(ownerId, [booking.Id]));
    }

    [Fact]
    public async Task ManagersWriteStaffReadWithoutGuestDataContractorsSeeNothing()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var manager = await _grains.RegisterNewUserAsync();
        var staff = await _grains.RegisterNewUserAsync();
        var contractor = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(await fixture.CreatePropertyWithCrewAsync(
            owner, (manager, AccessLevel.Manager), (staff, AccessLevel.Staff), (contractor, AccessLevel.Contractor)));

        var booking = await _grains.Bookings(property).CreateBookingAsync(manager.Id, Stay(Date("2030-07-01"), 3));
        var updated = await _grains.Bookings(property).UpdateBookingAsync(manager.Id, booking.Id, Patches.Empty with { Notes = Patch<string>.Set("Door code at the desk") });
        var seenByStaff = await _grains.Bookings(property).GetBookingAsync(staff.Id, booking.Id);
        var listedForStaff = await _grains.Bookings(property).ListBookingsAsync(staff.Id, BookingQuery.All with { Text = "García" }, new PageRequest(0, 20));

        Assert.Equal("Door code at the desk", updated.Details.Notes);
        Assert.Equal("Ana", updated.Details.GuestFirstName);
        Assert.Equal(booking.Id, seenByStaff!.Id);
        Assert.Null(seenByStaff.Details.GuestFirstName);
        Assert.Null(seenByStaff.Details.GuestEmail);
        Assert.Null(seenByStaff.Details.Notes);
        Assert.Null(seenByStaff.CheckinCode);
        Assert.Equal(3, seenByStaff.Details.GuestsNumber);
        Assert.Empty(listedForStaff.Content); // staff cannot search by what they cannot see

        Assert.Equal("booking.forbidden", (await Assert.ThrowsAsync<ForbiddenException>(() =>
            _grains.Bookings(property).CreateBookingAsync(staff.Id, Stay(Date("2030-08-01"), 3)))).Code);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _grains.Bookings(property).UpdateBookingAsync(staff.Id, booking.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) }));
        Assert.Equal("booking.forbidden", (await Assert.ThrowsAsync<ForbiddenException>(() =>
            _grains.Bookings(property).ListBookingsAsync(contractor.Id, BookingQuery.All, new PageRequest(0, 20)))).Code);
        await Assert.ThrowsAsync<ForbiddenException>(() => _grains.Bookings(property).GetBookingAsync(contractor.Id, booking.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => _grains.Bookings(property).GetCurrentBookingAsync(contractor.Id));
        Assert.Equal(new BookingMatches(0, []), await _grains.Bookings(property).FindBookingsAsync(contractor.Id, BookingQuery.All, 20));
        Assert.Empty(await _grains.Bookings(property).GetBookingsAsync(contractor.Id, [booking.Id]));
    }

    [Fact]
    public async Task TheCurrentBookingIsTheStayInProgressNow()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, madrid).DateTime);

        Assert.Null(await _grains.Bookings(property).GetCurrentBookingAsync(ownerId));

        // Yesterday 15:00 until tomorrow 11:00 contains now whatever the hour; the other stays do not.
        await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(today.AddDays(-5), 4));
        var current = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(today.AddDays(-1), 2));
        await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(today.AddDays(1), 3));

        Assert.Equal(current.Id, (await _grains.Bookings(property).GetCurrentBookingAsync(ownerId))?.Id);

        await _grains.Bookings(property).UpdateBookingAsync(ownerId, current.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        Assert.Null(await _grains.Bookings(property).GetCurrentBookingAsync(ownerId));
    }

    [Fact]
    public async Task ChangingThePropertysTimesMovesItsBookingsInstants()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3));

        await property.PatchAsync(ownerId, new PropertyPatch(
            default, default, default, default, default, default, default, default, Patch<TimeOnly?>.Set(new TimeOnly(17, 0)), default));

        // The property's new times reach its bookings through the property's and the calendar's outboxes, right after the answer.
        var moved = await Eventually.UntilAsync(
            () => _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id),
            found => found?.ArrivalAt.Hour == 17,
            TimeSpan.FromSeconds(20),
            "the booking following the property's check-in time");

        Assert.Equal(DateTimeOffset.Parse("2030-07-01T15:00:00+02:00", CultureInfo.InvariantCulture), booking.ArrivalAt);
        Assert.Equal(DateTimeOffset.Parse("2030-07-01T17:00:00+02:00", CultureInfo.InvariantCulture), moved!.ArrivalAt);
        Assert.Equal(DateTimeOffset.Parse("2030-07-04T11:00:00+02:00", CultureInfo.InvariantCulture), moved.DepartureAt);
    }

    [Fact]
    public async Task DeletingAPropertyWithBookingsStillWorksAndHidesThem()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3));

        await property.DeleteAsync(ownerId);

        Assert.Null(await property.GetAsync(ownerId));
        Assert.Null(await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id));
    }

    [Fact]
    public async Task BookingsAndTheCalendarSurviveReactivation()
    {
        var (ownerId, property) = await NewPropertyAsync();
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-01"), 3) with { PaymentType = PaymentType.GiftCard, ArrivalTime = new TimeOnly(20, 45) });

        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(booking, await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id));
        var overlap = await Assert.ThrowsAsync<ConflictException>(() => _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Date("2030-07-02"), 1)));
        Assert.Equal(booking.Id.ToString(), overlap.Extensions["conflicting_booking_id"]);
    }
}
