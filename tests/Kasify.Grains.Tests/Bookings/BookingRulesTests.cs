using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Grains.Tests.Bookings;

public sealed class BookingRulesTests
{
    private static readonly PropertySchedule Madrid = new("Europe/Madrid", new TimeOnly(15, 0), new TimeOnly(11, 0));

    internal static BookingDetails Stay(string from, string to, BookingStatus status = BookingStatus.Confirmed) => new(
        DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        BookingChannel.Airbnb, "HM123", status, PaymentType.Platform, "Late arrival", "Ana", "García", "ana@example.org",
        "+34 600 12 34 56", 2, 1, 0, "Baby cot", null, null, null, null);

    [Fact]
    public void AValidBookingPasses() => BookingRules.EnsureValid(BookingRules.Normalize(Stay("2026-07-01", "2026-07-08")));

    [Theory]
    [InlineData("2026-07-01", "2026-07-08", "2026-07-08", "2026-07-10", false)] // the next guest arrives the day this one leaves
    [InlineData("2026-07-08", "2026-07-10", "2026-07-01", "2026-07-08", false)]
    [InlineData("2026-07-01", "2026-07-08", "2026-07-07", "2026-07-10", true)]
    [InlineData("2026-07-01", "2026-07-08", "2026-07-02", "2026-07-03", true)] // inside
    [InlineData("2026-07-02", "2026-07-03", "2026-07-01", "2026-07-08", true)] // around
    [InlineData("2026-07-01", "2026-07-08", "2026-07-01", "2026-07-08", true)]
    [InlineData("2026-07-01", "2026-07-08", "2026-06-01", "2026-06-05", false)]
    public void NightsAreHalfOpen(string firstFrom, string firstTo, string secondFrom, string secondTo, bool overlaps) =>
        Assert.Equal(overlaps, BookingRules.Overlaps(Stay(firstFrom, firstTo), Stay(secondFrom, secondTo)));

    [Fact]
    public void CancelledBookingsHoldNoDates()
    {
        var cancelled = Stay("2026-07-01", "2026-07-08", BookingStatus.Cancelled);

        Assert.False(BookingRules.Overlaps(cancelled, Stay("2026-07-01", "2026-07-08")));
        Assert.False(BookingRules.Overlaps(Stay("2026-07-01", "2026-07-08"), cancelled));
    }

    [Fact]
    public void FindingAnOverlapNamesTheBookingInTheWayButNotTheBookingItself()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var bookings = new Dictionary<Guid, BookingDetails>
        {
            [first] = Stay("2026-07-01", "2026-07-08"),
            [second] = Stay("2026-07-10", "2026-07-12"),
            [Guid.NewGuid()] = Stay("2026-07-05", "2026-07-11", BookingStatus.Cancelled),
        };

        Assert.Equal(second, BookingRules.FindOverlap(bookings, Stay("2026-07-09", "2026-07-11")));
        Assert.Null(BookingRules.FindOverlap(bookings, Stay("2026-07-08", "2026-07-10")));
        Assert.Null(BookingRules.FindOverlap(bookings, Stay("2026-07-02", "2026-07-04"), self: first));
        Assert.Equal(first, BookingRules.FindOverlap(bookings, Stay("2026-07-02", "2026-07-11"), self: second));
        Assert.Null(BookingRules.FindOverlap(bookings, Stay("2026-07-02", "2026-07-04", BookingStatus.Cancelled)));
    }

    [Fact]
    public void TheOverlapConflictCarriesTheConflictingId()
    {
        var id = Guid.NewGuid();

        var conflict = BookingRules.OverlapConflict(id);

        Assert.Equal("booking.overlap", conflict.Code);
        Assert.Contains(id.ToString(), conflict.Message, StringComparison.Ordinal);
        Assert.Equal(id.ToString(), conflict.Extensions["conflicting_booking_id"]);
    }

    [Fact]
    public void EveryBrokenRuleIsReportedByItsWireName()
    {
        var details = Stay("2026-07-08", "2026-07-08") with
        {
            AdultsCount = -1,
            ChildrenCount = BookingLimits.MaxGuestsPerCount + 1,
            ChannelId = new string('x', BookingLimits.ChannelIdLength + 1),
            GuestFirstName = new string('x', BookingLimits.NameLength + 1),
            GuestEmail = "not-an-email",
            GuestPhone = "call me",
            Notes = new string('x', BookingLimits.TextLength + 1),
            Channel = (BookingChannel)42,
            PaymentType = (PaymentType)42,
        };

        var error = Assert.Throws<RequestValidationException>(() => BookingRules.EnsureValid(details));

        Assert.Equal(
            ["adults_count", "channel", "channel_id", "children_count", "guest_email", "guest_first_name", "guest_phone", "notes", "payment_type", "to"],
            error.Errors.Keys.Order());
        Assert.Equal("validation.failed", error.Code);
    }

    [Fact]
    public void AStayNeedsAtLeastOneGuest()
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            BookingRules.EnsureValid(Stay("2026-07-01", "2026-07-08") with { AdultsCount = 0, ChildrenCount = 0, InfantsCount = 0 }));

        Assert.Equal(["guests_number"], error.Errors.Keys);
        BookingRules.EnsureValid(Stay("2026-07-01", "2026-07-08") with { AdultsCount = 0, ChildrenCount = 0, InfantsCount = 1 });
    }

    [Fact]
    public void DatesOutsideTheSupportedRangeAreFieldErrors()
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            BookingRules.EnsureValid(Stay("2026-07-01", "2026-07-08") with { From = DateOnly.MinValue, To = DateOnly.MaxValue }));

        Assert.Equal(["from", "to"], error.Errors.Keys.Order());
    }

    [Fact]
    public void NormalizingTrimsTextsAndBlanksBecomeNull()
    {
        var normalized = BookingRules.Normalize(Stay("2026-07-01", "2026-07-08") with { GuestFirstName = "  Ana ", Notes = "   ", ChannelId = "" });

        Assert.Equal("Ana", normalized.GuestFirstName);
        Assert.Null(normalized.Notes);
        Assert.Null(normalized.ChannelId);
    }

    [Fact]
    public void APatchChangesWhatItSetsAndClearsOptionalFields()
    {
        var current = Stay("2026-07-01", "2026-07-08");
        var patch = Patches.Empty with
        {
            To = Patch<DateOnly?>.Set(new DateOnly(2026, 7, 9)),
            Notes = Patch<string>.Set(null),
            PaymentType = Patch<PaymentType?>.Set(null),
            Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled),
        };

        var merged = BookingRules.Apply(current, patch);

        Assert.Equal(current with { To = new DateOnly(2026, 7, 9), Notes = null, PaymentType = null, Status = BookingStatus.Cancelled }, merged);
    }

    [Fact]
    public void APatchCannotClearRequiredFields()
    {
        var patch = Patches.Empty with
        {
            From = Patch<DateOnly?>.Set(null),
            Channel = Patch<BookingChannel?>.Set(null),
            AdultsCount = Patch<int?>.Set(null),
        };

        var error = Assert.Throws<RequestValidationException>(() => BookingRules.Apply(Stay("2026-07-01", "2026-07-08"), patch));

        Assert.Equal(["adults_count", "channel", "from"], error.Errors.Keys.Order());
    }

    [Fact]
    public void ArrivalAndDepartureFallBackFromTheBookingsTimesToThePropertys()
    {
        var stay = Stay("2026-07-01", "2026-07-08");

        Assert.Equal(DateTimeOffset.Parse("2026-07-01T15:00:00+02:00"), BookingRules.ArrivalAt(stay, Madrid));
        Assert.Equal(DateTimeOffset.Parse("2026-07-08T11:00:00+02:00"), BookingRules.DepartureAt(stay, Madrid));

        var ownTimes = stay with { CheckinTime = new TimeOnly(16, 0), CheckoutTime = new TimeOnly(10, 0) };
        Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromTimeSpan(BookingRules.ArrivalAt(ownTimes, Madrid).TimeOfDay));
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromTimeSpan(BookingRules.DepartureAt(ownTimes, Madrid).TimeOfDay));

        var expected = ownTimes with { ArrivalTime = new TimeOnly(18, 30), DepartureTime = new TimeOnly(9, 15) };
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T18:30:00+02:00"), BookingRules.ArrivalAt(expected, Madrid));
        Assert.Equal(DateTimeOffset.Parse("2026-07-08T09:15:00+02:00"), BookingRules.DepartureAt(expected, Madrid));
    }

    [Fact]
    public void AStayAcrossTheSpringChangeArrivesOnWinterTimeAndLeavesOnSummerTime()
    {
        // Madrid moves from +01:00 to +02:00 at 02:00 on Sunday 29 March 2026.
        var stay = Stay("2026-03-27", "2026-03-31");

        var arrival = BookingRules.ArrivalAt(stay, Madrid);
        var departure = BookingRules.DepartureAt(stay, Madrid);

        Assert.Equal(TimeSpan.FromHours(1), arrival.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-03-27T14:00:00Z"), arrival);
        Assert.Equal(TimeSpan.FromHours(2), departure.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-03-31T09:00:00Z"), departure);
        Assert.Equal(TimeSpan.FromHours(91), departure - arrival); // four days minus four hours, minus the lost hour
    }

    [Fact]
    public void AStayAcrossTheAutumnChangeArrivesOnSummerTimeAndLeavesOnWinterTime()
    {
        // Madrid moves from +02:00 back to +01:00 at 03:00 on Sunday 25 October 2026.
        var stay = Stay("2026-10-23", "2026-10-27");

        var arrival = BookingRules.ArrivalAt(stay, Madrid);
        var departure = BookingRules.DepartureAt(stay, Madrid);

        Assert.Equal(DateTimeOffset.Parse("2026-10-23T13:00:00Z"), arrival);
        Assert.Equal(TimeSpan.FromHours(2), arrival.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-10-27T10:00:00Z"), departure);
        Assert.Equal(TimeSpan.FromHours(1), departure.Offset);
        Assert.Equal(TimeSpan.FromHours(93), departure - arrival); // plus the repeated hour
    }

    [Fact]
    public void ATimeInTheSpringGapMovesForwardByTheGap()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

        var instant = BookingRules.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), zone);

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T03:30:00+02:00"), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void ATimeInTheAutumnOverlapIsItsFirstOccurrence()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

        var instant = BookingRules.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), zone);

        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:30:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void AStayIsInProgressFromArrivalUntilJustBeforeDeparture()
    {
        var stay = Stay("2026-07-01", "2026-07-08");
        var arrival = DateTimeOffset.Parse("2026-07-01T15:00:00+02:00");
        var departure = DateTimeOffset.Parse("2026-07-08T11:00:00+02:00");

        Assert.False(BookingRules.IsInProgress(stay, Madrid, arrival.AddTicks(-1)));
        Assert.True(BookingRules.IsInProgress(stay, Madrid, arrival));
        Assert.True(BookingRules.IsInProgress(stay, Madrid, departure.AddTicks(-1)));
        Assert.False(BookingRules.IsInProgress(stay, Madrid, departure));
        Assert.False(BookingRules.IsInProgress(stay with { Status = BookingStatus.Cancelled }, Madrid, arrival.AddHours(1)));
    }

    [Fact]
    public void InProgressUsesThePropertysZone()
    {
        var tokyo = Madrid with { TimeZone = "Asia/Tokyo" };
        var stay = Stay("2026-07-01", "2026-07-02");

        Assert.True(BookingRules.IsInProgress(stay, tokyo, DateTimeOffset.Parse("2026-07-01T06:00:00Z"))); // 15:00 in Tokyo
        Assert.False(BookingRules.IsInProgress(stay, tokyo, DateTimeOffset.Parse("2026-07-02T02:00:00Z"))); // 11:00 in Tokyo
    }

    [Fact]
    public void WhenADepartureAndAnArrivalMeetTheGuestWhoArrivedFirstIsCurrent()
    {
        var leaving = Guid.NewGuid();
        var arriving = Guid.NewGuid();
        var bookings = new Dictionary<Guid, BookingDetails>
        {
            [arriving] = Stay("2026-07-08", "2026-07-10") with { ArrivalTime = new TimeOnly(12, 0) },
            [leaving] = Stay("2026-07-01", "2026-07-08") with { DepartureTime = new TimeOnly(14, 0) },
            [Guid.NewGuid()] = Stay("2026-07-01", "2026-07-10", BookingStatus.Cancelled),
        };

        Assert.Equal(leaving, BookingRules.FindCurrent(bookings, Madrid, DateTimeOffset.Parse("2026-07-08T13:00:00+02:00")));
        Assert.Equal(arriving, BookingRules.FindCurrent(bookings, Madrid, DateTimeOffset.Parse("2026-07-08T14:00:00+02:00")));
        Assert.Null(BookingRules.FindCurrent(bookings, Madrid, DateTimeOffset.Parse("2026-07-10T11:00:00+02:00")));
    }

    [Fact]
    public void CheckinCodesAreLongUrlSafeAndDifferent()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => BookingRules.NewCheckinCode()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-Za-z0-9_-]{24}$", code)); // 24 × 6 = 144 bits
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ACalendarOlderThanReadinessQueuesItsBookingsNotYetDepartedOnce()
    {
        var (gone, staying, coming) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = new BookingCalendarState
        {
            Slots =
            {
                [gone] = Stay("2026-07-01", "2026-07-05"),
                [staying] = Stay("2026-07-07", "2026-07-09"),
                [coming] = Stay("2026-07-12", "2026-07-15"),
            },
        };
        var now = DateTimeOffset.Parse("2026-07-08T12:00:00+02:00");

        Assert.True(BookingRules.SeedReadiness(state, Madrid, now));

        Assert.Equal(new[] { coming, staying }.Order(), state.PendingReadinessSeed.Order());
        Assert.Empty(state.PendingChanges);

        // Queued already: nothing more to write.
        Assert.False(BookingRules.SeedReadiness(state, Madrid, now));
    }
}
