using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Tests.Bookings;

public sealed class BookingSearchTests
{
    private static readonly BookingDetails Stay = BookingRulesTests.Stay("2026-07-01", "2026-07-08");

    [Theory]
    [InlineData("garcia")] // accents and case are ignored
    [InlineData("Ana García")] // each word in some field
    [InlineData("ANA@example")]
    [InlineData("600123456")] // the phone without its spaces
    [InlineData("late")]
    [InlineData("hm123")]
    public void TheTextIsFoundInGuestFieldsNotesAndReservationId(string text) =>
        Assert.True(BookingSearch.Matches(Stay, BookingQuery.All with { Text = text }, seesGuestData: true));

    [Theory]
    [InlineData("López")]
    [InlineData("Ana López")]
    public void EveryWordMustBeFound(string text) =>
        Assert.False(BookingSearch.Matches(Stay, BookingQuery.All with { Text = text }, seesGuestData: true));

    [Fact]
    public void WithoutGuestDataOnlyTheReservationIdIsSearched()
    {
        Assert.False(BookingSearch.Matches(Stay, BookingQuery.All with { Text = "García" }, seesGuestData: false));
        Assert.True(BookingSearch.Matches(Stay, BookingQuery.All with { Text = "HM123" }, seesGuestData: false));
    }

    [Theory]
    [InlineData("2026-07-01", null, true)]
    [InlineData("2026-07-02", null, false)]
    [InlineData(null, "2026-07-08", true)]
    [InlineData(null, "2026-07-07", false)]
    public void DateFiltersTakeStaysStartingOnOrAfterAndEndingOnOrBefore(string? from, string? to, bool matches)
    {
        var query = BookingQuery.All with
        {
            From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(matches, BookingSearch.Matches(Stay, query, seesGuestData: true));
    }

    [Fact]
    public void TheChannelFilterIsExact()
    {
        Assert.True(BookingSearch.Matches(Stay, BookingQuery.All with { Channel = BookingChannel.Airbnb }, seesGuestData: true));
        Assert.False(BookingSearch.Matches(Stay, BookingQuery.All with { Channel = BookingChannel.Booking }, seesGuestData: true));
    }

    [Fact]
    public void ListingsAreOrderedByArrivalOrDepartureThenId()
    {
        var day = DateTimeOffset.Parse("2026-07-01T00:00:00Z");
        var early = new BookingListing(Guid.NewGuid(), Guid.NewGuid(), day, day.AddDays(9));
        var late = new BookingListing(Guid.NewGuid(), Guid.NewGuid(), day.AddDays(2), day.AddDays(3));
        BookingListing[] listings = [late, early];

        Assert.Equal([early, late], BookingQuery.All.Order(listings));
        Assert.Equal([late, early], (BookingQuery.All with { SortDescending = true }).Order(listings));
        Assert.Equal([late, early], (BookingQuery.All with { SortBy = BookingSort.Checkout }).Order(listings));
    }

    [Fact]
    public void FindingListsTheMatchesInTheQuerysOrderWithTheirInstants()
    {
        var schedule = new PropertySchedule("Europe/Madrid", new TimeOnly(15, 0), new TimeOnly(11, 0));
        var propertyId = Guid.NewGuid();
        var later = Guid.NewGuid();
        var earlier = Guid.NewGuid();
        var bookings = new Dictionary<Guid, BookingDetails>
        {
            [later] = BookingRulesTests.Stay("2026-07-10", "2026-07-12"),
            [earlier] = Stay,
            [Guid.NewGuid()] = BookingRulesTests.Stay("2026-08-01", "2026-08-03") with { Channel = BookingChannel.Vrbo },
        };

        var found = BookingSearch.Find(bookings, propertyId, schedule, BookingQuery.All with { Channel = BookingChannel.Airbnb }, seesGuestData: true).ToList();

        Assert.Equal([earlier, later], found.Select(listing => listing.Id));
        Assert.All(found, listing => Assert.Equal(propertyId, listing.PropertyId));
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T15:00:00+02:00"), found[0].ArrivalAt);
        Assert.Equal(DateTimeOffset.Parse("2026-07-12T11:00:00+02:00"), found[1].DepartureAt);
    }
}
