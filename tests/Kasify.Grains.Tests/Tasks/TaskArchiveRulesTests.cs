using System.Globalization;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tasks;

namespace Kasify.Grains.Tests.Tasks;

public sealed class TaskArchiveRulesTests
{
    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static PropertyTask Task(CrewTaskStatus status, string endsUtc)
    {
        var to = new DateTimeOffset(DateTime.Parse(endsUtc, CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new PropertyTask(CrewService.Cleaning, status, null, to.AddHours(-3), to, null);
    }

    [Theory]
    [InlineData(CrewTaskStatus.Completed, "2026-09-06T23:00", true)]
    [InlineData(CrewTaskStatus.Cancelled, "2026-09-06T23:00", true)]
    [InlineData(CrewTaskStatus.Completed, "2026-09-07T01:00", false)] // ended on the cutoff: not yet
    [InlineData(CrewTaskStatus.Pending, "2020-01-01T10:00", true)] // a cleaning nobody marked done goes too
    [InlineData(CrewTaskStatus.InProgress, "2020-01-01T10:00", true)]
    [InlineData(CrewTaskStatus.Pending, "2026-09-07T01:00", false)]
    public void ATaskIsDueWhenItEndedBeforeTheCutoff(CrewTaskStatus status, string endsUtc, bool due) =>
        Assert.Equal(due, TaskArchiveRules.IsDue(Task(status, endsUtc), Date("2026-09-07")));

    [Fact]
    public void OnlyBookingCleaningTasksAreArchivedAsTheirBookingsTask()
    {
        var (booking, cleaning, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = new PropertyTasksState();
        state.Tasks[cleaning] = Task(CrewTaskStatus.Completed, "2024-01-01T10:00") with { BookingId = booking };
        state.Tasks[other] = Task(CrewTaskStatus.Cancelled, "2024-01-02T10:00") with { BookingId = booking };
        state.Tasks[Guid.NewGuid()] = Task(CrewTaskStatus.Completed, "2030-01-01T10:00");
        state.BookingTasks[booking] = cleaning;

        var due = TaskArchiveRules.Due(state, Date("2025-01-01")).OrderBy(task => task.From).ToList();

        Assert.Equal([cleaning, other], due.Select(task => task.TaskId));
        Assert.Equal([true, false], due.Select(task => task.ForBooking));
    }

    [Theory]
    [InlineData(null, null, false)] // nothing archived
    [InlineData("2024-03-10", null, true)]
    [InlineData("2024-03-10", "2024-03-11", true)] // a task ending late at night in UTC starts the next local day east of it
    [InlineData("2024-03-10", "2024-03-12", false)]
    public void ReadsReachTheArchivesOnlyForDaysTheyCanHold(string? archivedThrough, string? from, bool reaches) =>
        Assert.Equal(reaches, TaskArchiveRules.Reaches(archivedThrough is null ? null : Date(archivedThrough), from is null ? null : Date(from)));

    [Theory]
    [InlineData(null, true)]
    [InlineData(CrewTaskStatus.Completed, true)]
    [InlineData(CrewTaskStatus.Cancelled, true)]
    [InlineData(CrewTaskStatus.Pending, true)]
    [InlineData(CrewTaskStatus.InProgress, true)]
    public void QueriesOfAnyStatusReachTheArchives(CrewTaskStatus? status, bool reaches) =>
        Assert.Equal(reaches, TaskArchiveRules.Reaches(Date("2024-03-10"), TaskQuery.All with { Status = status }));

    [Fact]
    public void YearsStartOneDayBeforeTheFirstLocalDay() =>
        Assert.Equal(new[] { 2023, 2024 }, TaskArchiveRules.YearsFrom([2024, 2021, 2023], Date("2024-01-01")).ToArray());

    [Fact]
    public void TheIndexCopyWinsAndATaskArchivedTwiceCountsOnce()
    {
        var id = Guid.NewGuid();
        var live = new Dictionary<Guid, PropertyTask> { [id] = Task(CrewTaskStatus.Completed, "2024-01-01T10:00") };
        var stale = TaskArchiveRules.Archived(id, Task(CrewTaskStatus.Cancelled, "2023-01-01T10:00"), forBooking: false);
        var other = TaskArchiveRules.Archived(Guid.NewGuid(), Task(CrewTaskStatus.Cancelled, "2023-02-01T10:00"), forBooking: false);

        var merged = TaskArchiveRules.Merge(live, [stale, other, other with { Status = CrewTaskStatus.Completed }]);

        Assert.Equal(2, merged.Count);
        Assert.Equal(live[id], merged[id]);
        Assert.Equal(CrewTaskStatus.Cancelled, merged[other.TaskId].Status);
    }
}
