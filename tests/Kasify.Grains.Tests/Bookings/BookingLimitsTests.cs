using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Tasks;

namespace Kasify.Grains.Tests.Bookings;

/// <summary>The bounds that keep a property's booking and task indexes from growing without end.</summary>
public sealed class BookingLimitsTests
{
    [Fact]
    public void CancelledBookingsPastTheirBoundAreRefusedButConfirmedOnesStillFit()
    {
        var cancelled = BookingRulesTests.Stay("2031-01-01", "2031-01-02", BookingStatus.Cancelled);
        var held = Enumerable.Repeat(cancelled, BookingRules.MaxCancelledBookingsPerProperty).ToList();

        var refused = Assert.Throws<ConflictException>(() => BookingRules.EnsureRoom(held, cancelled));
        BookingRules.EnsureRoom(held, BookingRulesTests.Stay("2031-02-01", "2031-02-03"));

        Assert.Equal("booking.limit", refused.Code);
    }

    [Fact]
    public void APropertyKeepsABoundedNumberOfBookings()
    {
        var held = Enumerable.Repeat(BookingRulesTests.Stay("2031-01-01", "2031-01-02"), BookingRules.MaxBookingsPerProperty).ToList();

        var refused = Assert.Throws<ConflictException>(() => BookingRules.EnsureRoom(held, BookingRulesTests.Stay("2032-01-01", "2032-01-02")));
        BookingRules.EnsureRoom(held[1..], BookingRulesTests.Stay("2032-01-01", "2032-01-02"));

        Assert.Equal("booking.limit", refused.Code);
    }

    [Fact]
    public void APropertyKeepsABoundedNumberOfTasks()
    {
        TaskRules.EnsureRoom(TaskRules.MaxTasksPerProperty - 1);

        Assert.Equal("task.limit", Assert.Throws<ConflictException>(() => TaskRules.EnsureRoom(TaskRules.MaxTasksPerProperty)).Code);
    }
}
