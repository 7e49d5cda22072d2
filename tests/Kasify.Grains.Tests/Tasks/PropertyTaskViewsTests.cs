using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tasks;

namespace Kasify.Grains.Tests.Tasks;

/// <summary>The queries over a property's task index and the checks of new tasks and patches, without a cluster.</summary>
public sealed class PropertyTaskViewsTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Cleaner = Guid.NewGuid();
    private static readonly Guid OtherStaff = Guid.NewGuid();

    // Late in the evening UTC: already the next day in Madrid.
    private static readonly DateTimeOffset Evening = new(2030, 7, 1, 22, 30, 0, TimeSpan.Zero);

    private static Dictionary<Guid, PropertyTask> Index(out Guid cleaning, out Guid pool, out Guid cancelled)
    {
        cleaning = Guid.NewGuid();
        pool = Guid.NewGuid();
        cancelled = Guid.NewGuid();
        return new()
        {
            [cleaning] = new(CrewService.Cleaning, CrewTaskStatus.Pending, Cleaner, Evening, Evening.AddHours(2), null),
            [pool] = new(CrewService.Pool, CrewTaskStatus.Pending, OtherStaff, Evening.AddDays(-2), Evening.AddDays(-2).AddHours(1), null),
            [cancelled] = new(CrewService.Cleaning, CrewTaskStatus.Cancelled, Cleaner, Evening.AddDays(1), Evening.AddDays(1).AddHours(1), null),
        };
    }

    [Fact]
    public void FindingFiltersByTheLocalDayAndSortsByStart()
    {
        var tasks = Index(out var cleaning, out var pool, out _);

        Assert.Equal([pool, cleaning], PropertyTaskViews.Find(tasks, Owner, AccessLevel.Owner, TaskQuery.All, Madrid, onlyOwnedOrAssigned: false));
        var onTheSecond = TaskQuery.All with { ScheduledFrom = new DateOnly(2030, 7, 2), ScheduledTo = new DateOnly(2030, 7, 2) };
        Assert.Equal([cleaning], PropertyTaskViews.Find(tasks, Owner, AccessLevel.Owner, onTheSecond, Madrid, onlyOwnedOrAssigned: false));
        Assert.Equal(3, PropertyTaskViews.Find(tasks, Owner, AccessLevel.Owner, TaskQuery.All with { IncludeCancelled = true }, Madrid, false).Count());
    }

    [Fact]
    public void AContractorFindsOnlyTasksAssignedToThemAndACrossPropertySearchOnlyTheirOwn()
    {
        var tasks = Index(out var cleaning, out _, out _);

        Assert.Equal([cleaning], PropertyTaskViews.Find(tasks, Cleaner, AccessLevel.Contractor, TaskQuery.All, Madrid, onlyOwnedOrAssigned: false));
        Assert.Equal(2, PropertyTaskViews.Find(tasks, Cleaner, AccessLevel.Staff, TaskQuery.All, Madrid, onlyOwnedOrAssigned: false).Count());
        Assert.Equal([cleaning], PropertyTaskViews.Find(tasks, Cleaner, AccessLevel.Staff, TaskQuery.All, Madrid, onlyOwnedOrAssigned: true));
    }

    [Fact]
    public void CalendarAndTimelineLeaveOutCancelledAndHiddenTasks()
    {
        var tasks = Index(out var cleaning, out _, out _);
        var propertyId = Guid.NewGuid();
        var day = new DateOnly(2030, 7, 2);

        var events = PropertyTaskViews.CalendarEvents(tasks, propertyId, Cleaner, AccessLevel.Contractor, Madrid, day, day.AddDays(5)).ToList();
        var timeline = PropertyTaskViews.TimelineEvents(tasks, propertyId, "Casa", Owner, AccessLevel.Owner, Madrid, day, 7).ToList();

        Assert.Equal([cleaning], events.Select(entry => entry.TaskId));
        Assert.Equal("Task: cleaning", Assert.Single(events).Title);
        Assert.Equal([day], timeline.Select(entry => entry.Date));
    }

    [Fact]
    public void ANameIsFirstAndLastElseTheEmail()
    {
        UserDto User(string? first, string? last) => new(Guid.NewGuid(), Guid.NewGuid(), "ana@example.com", first, last, null, "en", Evening);

        Assert.Equal("Ana Ruiz", PropertyTaskViews.DisplayName(User("Ana", "Ruiz")));
        Assert.Equal("ana@example.com", PropertyTaskViews.DisplayName(User(" ", null)));
        Assert.Null(PropertyTaskViews.DisplayName(null));
    }

    [Fact]
    public void ANewTaskWithAStrangerOrAForeignBookingNamesEachBadField()
    {
        var task = new NewCrewTask((CrewService)99, Evening, Evening.AddHours(1), Guid.NewGuid(), Guid.NewGuid(), null);

        var error = Assert.Throws<RequestValidationException>(() => TaskRules.EnsureValidNew(task, _ => false, _ => false));

        Assert.Equal(["assigned_to", "booking_id", "task_type"], error.Errors.Keys.Order());
        TaskRules.EnsureValidNew(task with { TaskType = CrewService.Pool }, _ => true, _ => true);
    }
}
