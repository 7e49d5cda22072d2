using System.Globalization;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Tasks;
using Kasify.Grains.Tests.Bookings;

namespace Kasify.Grains.Tests.Tasks;

public sealed class TaskRulesTests
{
    private static readonly PropertySchedule Madrid = new("Europe/Madrid", new TimeOnly(15, 0), new TimeOnly(11, 0));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2031-03-02T11:00:00Z", "from")]
    [InlineData("1999-12-31T23:59:59Z", "2031-03-02T11:00:00Z", "from")]
    [InlineData("2031-03-02T09:00:00Z", "2101-01-01T00:00:00Z", "to")]
    [InlineData("2031-03-02T09:00:00Z", "9999-12-31T23:59:59Z", "to")]
    public void AWindowOutsideTheAcceptedDatesIsAFieldError(string from, string to, string field)
    {
        var error = Assert.Throws<RequestValidationException>(() => TaskRules.EnsureValid(At(from), At(to), null, null));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void AWindowAtTheEdgesOfTheAcceptedDatesPasses() =>
        TaskRules.EnsureValid(At("2000-01-01T00:00:00Z"), At("2100-12-31T23:59:59Z"), null, null);

    [Fact]
    public void TheNextStayIsTheFirstActiveOneArrivingAfterTheCleaningStarts()
    {
        Stay[] stays = [new("2031-03-01", "2031-03-04"), new("2031-03-04", "2031-03-06"), new("2031-03-10", "2031-03-12")];

        var next = TaskRules.NextBooking(stays.Select(stay => stay.Change), At("2031-03-04T10:00:00Z"));

        Assert.Equal(new DateOnly(2031, 3, 4), next?.From);
        Assert.Equal(3, next?.GuestsNumber);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void ACleaningStoredAtTheEndsOfTheCalendarHasNoNextStay(string cleaningFrom)
    {
        Stay[] stays = [new("2031-03-04", "2031-03-06")];

        Assert.Null(TaskRules.NextBooking(stays.Select(stay => stay.Change), At(cleaningFrom)));
    }

    private sealed record Stay(string From, string To)
    {
        public BookingDetails Details => BookingRulesTests.Stay(From, To);

        public BookingChange Change => BookingChanges.Of(Guid.NewGuid(), 0, Details, Madrid);
    }
}
