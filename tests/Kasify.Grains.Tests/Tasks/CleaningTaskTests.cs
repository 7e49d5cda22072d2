using System.Text.Json;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Tasks;

public sealed class CleaningTaskTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<(Guid OwnerId, Guid PropertyId)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, propertyId);
    }

    // Cleaning tasks follow bookings through the calendar's outbox, right after the booking change is answered.
    private async Task<CrewTaskView> CleaningTaskAsync(Guid callerId, Guid propertyId, Guid bookingId)
    {
        await _grains.BookingsSettledAsync(propertyId);
        var all = await _grains.GetGrain<IPropertyTasksGrain>(propertyId)
            .ListTasksAsync(callerId, TaskQuery.All with { IncludeCancelled = true, TaskType = CrewService.Cleaning }, new PageRequest(0, 100));
        var view = Assert.Single(all.Content, view => view.Task.BookingId == bookingId);
        return view;
    }

    [Fact]
    public async Task EveryBookingGetsAPendingCleaningTaskAtCheckoutAssignedToTheOwner()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var booking = await _grains.GetGrain<IBookingCalendarGrain>(propertyId).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));

        var task = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        Assert.Equal(CrewService.Cleaning, task.TaskType);
        Assert.Equal(CrewTaskStatus.Pending, task.Status);
        Assert.Equal(ownerId, task.AssignedTo);
        Assert.Equal(new DateTimeOffset(2030, 7, 5, 11, 0, 0, Summer), task.From);
        Assert.Equal(new DateTimeOffset(2030, 7, 5, 14, 0, 0, Summer), task.To);
        Assert.Null(task.Notes);
    }

    [Fact]
    public async Task TheCleaningEndsWhenTheNextGuestsArriveIfThatIsSooner()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-05", "2030-07-08") with { ArrivalTime = new TimeOnly(12, 30) });
        var leaving = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));

        var view = await CleaningTaskAsync(ownerId, propertyId, leaving.Id);

        Assert.Equal(new DateTimeOffset(2030, 7, 5, 12, 30, 0, Summer), view.Task.To);
        Assert.Equal(new NextBookingInfo(new DateOnly(2030, 7, 5), new DateOnly(2030, 7, 8), 3), view.NextBooking);
    }

    [Fact]
    public async Task TheEarlierCleaningShortensWhenNextGuestsAreBookedAndLengthensWhenTheyMoveAway()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var leaving = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        var arriving = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-05", "2030-07-08") with { ArrivalTime = new TimeOnly(12, 30) });
        var shortened = (await CleaningTaskAsync(ownerId, propertyId, leaving.Id)).Task;

        await _grains.Bookings(property).UpdateBookingAsync(ownerId, arriving.Id, Patches.Empty with
        {
            From = Patch<DateOnly?>.Set(new DateOnly(2030, 7, 10)),
            To = Patch<DateOnly?>.Set(new DateOnly(2030, 7, 12)),
        });
        var restored = (await CleaningTaskAsync(ownerId, propertyId, leaving.Id)).Task;

        Assert.Equal(new DateTimeOffset(2030, 7, 5, 12, 30, 0, Summer), shortened.To);
        Assert.Equal(new DateTimeOffset(2030, 7, 5, 14, 0, 0, Summer), restored.To);
    }

    [Fact]
    public async Task TheCleaningTaskMovesIsCancelledAndReopensWithItsBooking()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        var original = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { To = Patch<DateOnly?>.Set(new DateOnly(2030, 7, 6)) });
        var moved = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        var cancelled = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Confirmed) });
        var reopened = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        Assert.Equal(new DateTimeOffset(2030, 7, 6, 11, 0, 0, Summer), moved.From);
        Assert.Equal(original.Id, moved.Id);
        Assert.Equal(CrewTaskStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(CrewTaskStatus.Pending, reopened.Status);
        Assert.Null(reopened.CancelledAt);
        Assert.Equal(original.Id, reopened.Id);
    }

    [Fact]
    public async Task ACleaningTaskTheOwnerCancelledStaysCancelledWhenTheBookingChanges()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        var task = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        await _grains.GetGrain<IPropertyTasksGrain>(propertyId).CancelTaskAsync(ownerId, task.Id);
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { AdultsCount = Patch<int?>.Set(3) });

        Assert.Equal(CrewTaskStatus.Cancelled, (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task.Status);
    }

    [Fact]
    public async Task ABookingCreatedCancelledGetsNoCleaningTaskUntilItIsReinstated()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05", BookingStatus.Cancelled));
        var before = await _grains.GetGrain<IPropertyTasksGrain>(propertyId)
            .ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 10));

        await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Confirmed) });

        Assert.Empty(before.Content);
        Assert.Equal(CrewTaskStatus.Pending, (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task.Status);
    }

    [Fact]
    public async Task TheDefaultCleanerGetsTheCleaningTask()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var cleaner = await _grains.RegisterNewUserAsync();
        var propertyId = await fixture.CreatePropertyWithCrewAsync(owner, (cleaner, AccessLevel.Contractor));
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        await property.PatchAsync(owner.Id, new PropertyPatch(default, default, default, Patch<Guid?>.Set(cleaner.Id), default, default, default, default, default, default));
        await _grains.PropertySettledAsync(propertyId); // the tasks grain learns the default cleaner from the property's outbox

        await _grains.Bookings(property).CreateBookingAsync(owner.Id, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        await _grains.BookingsSettledAsync(propertyId);
        var asCleaner = await _grains.GetGrain<IPropertyTasksGrain>(propertyId).ListTasksAsync(cleaner.Id, TaskQuery.All, new PageRequest(0, 10));

        var view = Assert.Single(asCleaner.Content);
        Assert.Equal(cleaner.Id, view.Task.AssignedTo);
        Assert.Equal(TaskViewScope.Crew, view.Scope);
        Assert.Null(view.Task.BookingId);
        Assert.Equal(new DateTimeOffset(2030, 7, 5, 11, 0, 0, Summer), view.Task.From);
    }

    [Fact]
    public async Task ThePublicViewCarriesNoGuestPersonalDataNorOwnerOnlyFields()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-07-06", "2030-07-09"));
        var task = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        var view = await _grains.GetGrain<IPropertyTasksGrain>(propertyId).GetPublicTaskAsync(task.Id);
        var json = JsonSerializer.Serialize(view);

        Assert.Equal(TaskViewScope.Public, view!.Scope);
        Assert.Null(view.Access);
        Assert.Null(view.Task.BookingId);
        Assert.Null(view.Task.CancelledAt);
        Assert.Equal(default, view.Task.CreatedAt);
        Assert.Equal(new NextBookingInfo(new DateOnly(2030, 7, 6), new DateOnly(2030, 7, 9), 3), view.NextBooking);
        foreach (var personal in new[] { "ana@example.org", "600 12 34 56", "HM123", "Late arrival", "Baby cot", booking.Id.ToString() })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }

        Assert.Null(await _grains.GetGrain<IPropertyTasksGrain>(propertyId).GetPublicTaskAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task TasksAppearInTheCalendarAndTheUpcomingTimeline()
    {
        var (ownerId, propertyId) = await NewPropertyAsync();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2030-01-01", "2030-01-02") with { From = today, To = today.AddDays(2) });
        var task = (await CleaningTaskAsync(ownerId, propertyId, booking.Id)).Task;

        var calendar = await _grains.Bookings(property).GetCalendarAsync(ownerId, new CalendarWindow(today, today.AddDays(5)));
        var upcoming = await _grains.Bookings(property).GetUpcomingAsync(ownerId, 7);

        var taskEvent = Assert.Single(calendar.Events, item => item.Type == CalendarEventType.Task);
        Assert.Equal(task.Id, taskEvent.TaskId);
        Assert.Equal(task.From, taskEvent.StartAt);
        Assert.Equal(today.AddDays(2), taskEvent.From);
        var timelineTask = Assert.Single(upcoming, item => item.Type == TimelineEventType.Task);
        Assert.Equal(task.Id, timelineTask.TaskId);
        Assert.Equal(today.AddDays(2), timelineTask.Date);
    }
}
