using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tasks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Tasks;

/// <summary>Finished tasks that ended long ago move to yearly archive grains; everything read or changed through the property's tasks stays the same.</summary>
public sealed class TaskArchiveTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private async Task<(Guid OwnerId, IPropertyGrain Property, IPropertyTasksGrain Tasks)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property, _grains.GetGrain<IPropertyTasksGrain>(property.GetPrimaryKey()));
    }

    private static async Task<CrewTaskView> TaskAsync(
        IPropertyTasksGrain tasks, Guid ownerId, DateTimeOffset from, CrewTaskStatus status, CrewService type = CrewService.Maintenance)
    {
        var created = await tasks.CreateTaskAsync(ownerId, new NewCrewTask(type, from, from.AddHours(2), null, ownerId, $"Task at {from:O}"));
        return status switch
        {
            CrewTaskStatus.Cancelled => await tasks.CancelTaskAsync(ownerId, created.Task.Id),
            CrewTaskStatus.InProgress => await tasks.StartTaskAsync(ownerId, created.Task.Id),
            CrewTaskStatus.Completed => await CompleteAsync(tasks, ownerId, created.Task.Id),
            _ => created,
        };
    }

    private static async Task<CrewTaskView> CompleteAsync(IPropertyTasksGrain tasks, Guid ownerId, Guid taskId)
    {
        await tasks.StartTaskAsync(ownerId, taskId);
        return await tasks.CompleteTaskAsync(ownerId, taskId, "Done");
    }

    // Old tasks over three end years (one crossing into the next year at midnight UTC), finished and still open, and
    // tasks too recent to archive or still to come.
    private static async Task<ImmutableArray<Guid>> HistoryAsync(IPropertyTasksGrain tasks, Guid ownerId)
    {
        var ids = ImmutableArray.CreateBuilder<Guid>();
        CrewTaskStatus[] statuses = [CrewTaskStatus.Completed, CrewTaskStatus.Cancelled, CrewTaskStatus.Completed, CrewTaskStatus.Pending, CrewTaskStatus.InProgress];
        for (var i = 0; i < 15; i++)
        {
            var type = i % 2 == 0 ? CrewService.Cleaning : CrewService.Pool;
            ids.Add((await TaskAsync(tasks, ownerId, At("2022-11-20T09:00:00+01:00").AddDays(i * 45), statuses[i % 5], type)).Task.Id);
        }

        ids.Add((await TaskAsync(tasks, ownerId, At("2023-12-31T23:00:00+01:00"), CrewTaskStatus.Completed)).Task.Id); // ends in 2024 UTC
        ids.Add((await TaskAsync(tasks, ownerId, Now.AddDays(-20), CrewTaskStatus.Completed)).Task.Id); // too recent
        ids.Add((await TaskAsync(tasks, ownerId, Now.AddDays(30), CrewTaskStatus.Pending)).Task.Id);
        ids.Add((await TaskAsync(tasks, ownerId, Now.AddDays(2), CrewTaskStatus.Pending, CrewService.Cleaning)).Task.Id);
        return ids.ToImmutable();
    }

    // Every read the tasks grain answers about its tasks, as text: equal text is an equal answer.
    private static async Task<string> ReadEverythingAsync(IPropertyTasksGrain tasks, Guid callerId, ImmutableArray<Guid> ids)
    {
        var answers = new List<object?>();
        TaskQuery[] queries =
        [
            TaskQuery.All,
            TaskQuery.All with { IncludeCancelled = true },
            TaskQuery.All with { Status = CrewTaskStatus.Cancelled },
            TaskQuery.All with { Status = CrewTaskStatus.Completed },
            TaskQuery.All with { Status = CrewTaskStatus.Pending },
            TaskQuery.All with { Status = CrewTaskStatus.InProgress },
            TaskQuery.All with { TaskType = CrewService.Cleaning, IncludeCancelled = true },
            TaskQuery.All with { ScheduledFrom = Date("2023-06-01"), IncludeCancelled = true },
            TaskQuery.All with { ScheduledTo = Date("2024-01-31") },
            TaskQuery.All with { ScheduledFrom = Date("2024-01-01"), ScheduledTo = Date("2024-01-01") },
            TaskQuery.All with { ScheduledFrom = Today.AddDays(-30) },
            TaskQuery.All with { AssignedTo = callerId, IncludeCancelled = true },
        ];
        foreach (var query in queries)
        {
            for (var page = 0; page < 4; page++)
            {
                answers.Add(await tasks.ListTasksAsync(callerId, query, new PageRequest(page, 6)));
            }

            answers.Add(await tasks.FindTasksAsync(callerId, query, 5));
        }

        foreach (var (from, to) in new[] { ("2022-11-01", "2023-02-28"), ("2023-12-15", "2024-01-31"), ("2024-06-01", "2024-12-31") })
        {
            answers.Add(await tasks.GetCalendarEventsAsync(callerId, Date(from), Date(to)));
        }

        answers.Add(await tasks.GetCalendarEventsAsync(callerId, Today.AddDays(-25), Today.AddDays(70)));
        answers.Add(await tasks.GetTimelineEventsAsync(callerId, Today, 14));
        foreach (var id in ids)
        {
            answers.Add(await tasks.GetTaskAsync(callerId, id));
            answers.Add(await tasks.GetPublicTaskAsync(id));
        }

        return JsonSerializer.Serialize(answers);
    }

    private async Task<PropertyTasksState> StoredIndexAsync(IPropertyTasksGrain tasks)
    {
        var row = new GrainState<PropertyTasksState>(new PropertyTasksState());
        await Storage.ReadStateAsync("propertyTasks", tasks.GetGrainId(), row);
        return row.State!;
    }

    private static async Task<List<ArchivedTask>> ArchivedAsync(IGrainFactory grains, IPropertyTasksGrain tasks, IEnumerable<int> years)
    {
        var archived = new List<ArchivedTask>();
        foreach (var year in years)
        {
            archived.AddRange(await TaskArchiveKeys.For(grains, tasks.GetPrimaryKey(), year).GetAllAsync());
        }

        return archived;
    }

    [Fact]
    public async Task ArchivingMovesOldTasksAndEveryReadAnswersAsBefore()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var ids = await HistoryAsync(tasks, ownerId);
        var before = await ReadEverythingAsync(tasks, ownerId, ids);

        var moved = await tasks.ArchiveFinishedTasksAsync();
        var after = await ReadEverythingAsync(tasks, ownerId, ids);

        Assert.Equal(before, after);
        var old = ids.Take(16).ToList(); // open ones too: a cleaning nobody marked done must not stay in the index
        Assert.Equal(old.Count, moved);
        var stored = await StoredIndexAsync(tasks);
        Assert.Equal(ids.Except(old).Order(), stored.Tasks.Keys.Order());
        Assert.Equal([2022, 2023, 2024], stored.ArchiveYears.Order());
        Assert.Empty(stored.ArchiveLeftovers);
        Assert.Equal(old.Order(), (await ArchivedAsync(_grains, tasks, stored.ArchiveYears)).Select(task => task.TaskId).Order());
        Assert.Equal(0, await tasks.ArchiveFinishedTasksAsync());
    }

    [Fact]
    public async Task ChangingAnArchivedTaskBringsItBack()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var done = await TaskAsync(tasks, ownerId, At("2023-05-10T10:00:00+02:00"), CrewTaskStatus.Completed);
        var cancelled = await TaskAsync(tasks, ownerId, At("2023-05-11T10:00:00+02:00"), CrewTaskStatus.Cancelled);
        await tasks.ArchiveFinishedTasksAsync();

        var reported = await tasks.UpdateTaskAsync(ownerId, done.Task.Id, TaskFixtures.JobReport("Replaced the washer"));
        var error = await Assert.ThrowsAsync<ConflictException>(() => tasks.StartTaskAsync(ownerId, cancelled.Task.Id));
        var recancelled = await tasks.CancelTaskAsync(ownerId, cancelled.Task.Id);
        var listed = await tasks.ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 10));
        var stored = await StoredIndexAsync(tasks);

        Assert.Equal("Replaced the washer", reported.Task.JobReport);
        Assert.Equal("Replaced the washer", (await tasks.GetTaskAsync(ownerId, done.Task.Id))!.Task.JobReport);
        Assert.Equal("task.state", error.Code);
        Assert.Equal(cancelled.Task, recancelled.Task);
        Assert.Equal([done.Task.Id, cancelled.Task.Id], listed.Content.Select(view => view.Task.Id));
        Assert.Equal(2, listed.TotalElements);
        Assert.Equal(new[] { done.Task.Id, cancelled.Task.Id }.Order(), stored.Tasks.Keys.Order());
        Assert.Empty(await ArchivedAsync(_grains, tasks, [2023]));
        Assert.Equal(2, await tasks.ArchiveFinishedTasksAsync()); // the next pass archives them again
    }

    [Fact]
    public async Task ATaskBothInTheIndexAndAnArchiveIsReadOnceAsTheIndexHoldsIt()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var done = await TaskAsync(tasks, ownerId, At("2023-05-10T10:00:00+02:00"), CrewTaskStatus.Completed);
        var other = await TaskAsync(tasks, ownerId, At("2023-05-12T10:00:00+02:00"), CrewTaskStatus.Completed);
        await tasks.ArchiveFinishedTasksAsync();
        var moved = await tasks.UpdateTaskAsync(ownerId, done.Task.Id, TaskFixtures.NoChange with
        {
            From = Patch<DateTimeOffset?>.Set(At("2023-08-01T10:00:00+02:00")),
            To = Patch<DateTimeOffset?>.Set(At("2023-08-01T12:00:00+02:00")),
        });

        // As a move cut short by a crash leaves it: the archive still has the task at its old time.
        var stale = new ArchivedTask(done.Task.Id, CrewService.Maintenance, CrewTaskStatus.Completed, ownerId, done.Task.From, done.Task.To, null, false);
        await TaskArchiveKeys.For(_grains, tasks.GetPrimaryKey(), 2023).AddAsync([stale]);
        var listed = await tasks.ListTasksAsync(ownerId, TaskQuery.All, new PageRequest(0, 10));
        var may = await tasks.GetCalendarEventsAsync(ownerId, Date("2023-05-01"), Date("2023-05-31"));
        var august = await tasks.GetCalendarEventsAsync(ownerId, Date("2023-08-01"), Date("2023-08-31"));

        Assert.Equal([other.Task.Id, done.Task.Id], listed.Content.Select(view => view.Task.Id));
        Assert.Equal(2, listed.TotalElements);
        Assert.Equal(moved.Task.From, listed.Content[1].Task.From);
        Assert.Equal([other.Task.Id], may.Select(item => item.TaskId));
        Assert.Equal([done.Task.Id], august.Select(item => item.TaskId));
    }

    [Fact]
    public async Task ABookingBroughtBackAndMovedFindsItsArchivedCleaningTask()
    {
        var (ownerId, property, tasks) = await NewPropertyAsync();
        var bookings = _grains.Bookings(property);
        var old = await bookings.CreateBookingAsync(ownerId, BookingRulesTests.Stay("2023-05-10", "2023-05-14"));
        await _grains.BookingsSettledAsync(property.GetPrimaryKey());
        await bookings.UpdateBookingAsync(ownerId, old.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        await _grains.BookingsSettledAsync(property.GetPrimaryKey());
        var cleaning = Assert.Single((await tasks.ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 10))).Content);
        await bookings.Calendar.ArchiveEndedStaysAsync();
        Assert.Equal(1, await tasks.ArchiveFinishedTasksAsync());
        Assert.DoesNotContain(old.Id, (await StoredIndexAsync(tasks)).Bookings.Keys); // long departed: forgotten

        var from = Today.AddDays(20);
        await bookings.UpdateBookingAsync(ownerId, old.Id, Patches.Empty with
        {
            Status = Patch<BookingStatus?>.Set(BookingStatus.Confirmed),
            From = Patch<DateOnly?>.Set(from),
            To = Patch<DateOnly?>.Set(from.AddDays(3)),
        });
        await _grains.BookingsSettledAsync(property.GetPrimaryKey());
        var listed = await tasks.ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 10));
        var stored = await StoredIndexAsync(tasks);

        var followed = Assert.Single(listed.Content).Task;
        Assert.Equal(cleaning.Task.Id, followed.Id);
        Assert.Equal(CrewTaskStatus.Pending, followed.Status);
        Assert.Equal(from.AddDays(3), DateOnly.FromDateTime(followed.From.UtcDateTime));
        Assert.Equal(cleaning.Task.Id, stored.BookingTasks[old.Id]);
        Assert.Contains(old.Id, stored.Bookings.Keys);
    }

    [Fact]
    public async Task DeletingThePropertyErasesItsTaskArchives()
    {
        var (ownerId, property, tasks) = await NewPropertyAsync();
        await TaskAsync(tasks, ownerId, At("2022-03-01T10:00:00+01:00"), CrewTaskStatus.Completed);
        await TaskAsync(tasks, ownerId, At("2024-03-01T10:00:00+01:00"), CrewTaskStatus.Cancelled);
        Assert.Equal(2, await tasks.ArchiveFinishedTasksAsync());

        await property.DeleteAsync(ownerId);

        foreach (var year in new[] { 2022, 2024 })
        {
            var archive = TaskArchiveKeys.For(_grains, tasks.GetPrimaryKey(), year);
            var row = new GrainState<TaskArchiveState>(new TaskArchiveState());
            await Storage.ReadStateAsync("taskArchive", archive.GetGrainId(), row);
            Assert.False(row.RecordExists);
            Assert.Empty(await archive.GetAllAsync());
        }

        Assert.Empty((await StoredIndexAsync(tasks)).ArchiveYears);
    }

    [Fact]
    public async Task AStayBookedLongAfterItEndedLeavesItsCleaningInTheArchiveSoonAfter()
    {
        var (ownerId, property, tasks) = await NewPropertyAsync();
        var booking = await _grains.Bookings(property).CreateBookingAsync(ownerId, BookingRulesTests.Stay("2021-05-01", "2021-05-04"));

        // No pass is due for a day: the booking's change schedules one a few seconds away (BookingArchiveOptions.BackfillDelay).
        var stored = await Kasify.Grains.Tests.Storage.Eventually.UntilAsync(
            () => StoredIndexAsync(tasks),
            index => index.ArchiveYears.Contains(2021) && index.Tasks.Count == 0,
            TimeSpan.FromSeconds(30),
            "the old stay's cleaning task moving to the archive");

        Assert.Empty(stored.BookingTasks);
        var listed = await tasks.ListTasksAsync(ownerId, TaskQuery.All, new PageRequest(0, 10));
        Assert.Equal(booking.Id, Assert.Single(listed.Content).Task.BookingId);
    }

    [Fact]
    public async Task TheIndexRowKeepsOnlyRecentTasksWhateverTheHistory()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var first = Now.AddDays(-500 - 100);
        var created = new List<Guid>();
        for (var day = 0; day < 500; day++)
        {
            created.Add((await TaskAsync(tasks, ownerId, first.AddDays(day), CrewTaskStatus.Cancelled)).Task.Id);
        }

        for (var week = 0; week < 5; week++)
        {
            created.Add((await TaskAsync(tasks, ownerId, Now.AddDays((7 * week) - 14), CrewTaskStatus.Pending)).Task.Id);
        }

        await tasks.ArchiveFinishedTasksAsync();
        var stored = await StoredIndexAsync(tasks);
        var listed = await tasks.ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 5));
        var found = await tasks.FindTasksAsync(ownerId, TaskQuery.All with { Status = CrewTaskStatus.Cancelled }, 3);
        var open = await tasks.ListTasksAsync(ownerId, TaskQuery.All, new PageRequest(0, 10));

        Assert.Equal(created.TakeLast(5).Order(), stored.Tasks.Keys.Order());
        Assert.Equal(505, listed.TotalElements);
        Assert.Equal(created.Take(5), listed.Content.Select(view => view.Task.Id));
        Assert.Equal(500, found.Total);
        Assert.Equal(created.TakeLast(5), open.Content.Select(view => view.Task.Id));
    }
}
