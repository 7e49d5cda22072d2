using System.Collections.Immutable;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Tasks;

// The index of a property's tasks and every permission on them, decided against the property's pushed access snapshot;
// task grains hold each task and guard its lifecycle. Calls go to task, token index, user and activity feed grains.
internal sealed class PropertyTasksGrain(
    [PersistentState("propertyTasks", StorageNames.Kasify)] IPersistentState<PropertyTasksState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    DurableDeliveryOptions deliveryOptions,
    BookingArchiveOptions archiveOptions,
    TimeProvider time,
    ILogger<PropertyTasksGrain> logger) : Grain, IPropertyTasksGrain, IRemindable
{
    private const string FeedReminder = "tasks-feed"; // persisted by the reminder provider: never rename

    private PropertyAccess? _access;
    private DurableDelivery _feed = null!;
    private PropertyTasksArchive _archive = null!;
    private IGrainTimer _archiveTimer = null!;
    private bool _archivingSoon;

    private Guid PropertyId => this.GetPrimaryKey();

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Access.Schedule.TimeZone);

    // Methods that need a role check it first; without a snapshot nobody has one.
    private PropertyAccess Access => _access ?? Unknown;

    private static PropertyAccess Unknown { get; } = new(
        -1, Guid.Empty, Deleted: true, new PropertyDetails("", "", "", "", null, null, null, null, null, null, null, null, null, null, null, null, null),
        ImmutableDictionary<Guid, AccessLevel>.Empty, ImmutableDictionary<Guid, CrewService>.Empty);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = new DurableDelivery(this, FeedReminder, DeliverFeedAsync, deliveryOptions, logger);
        _archive = new PropertyTasksArchive(state.State, grains, PropertyId);
        _archiveTimer = this.RegisterGrainTimer(_ => ArchiveFinishedTasksAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, archiveOptions.PassPeriod));
        var row = await propertyRow.ReadAsync(PropertyId);
        _access = row is null ? null : PropertyRow.AccessOf(row);
        if (!state.RecordExists && row is not null && (row.Tasks.Count > 0 || row.Bookings.Count > 0))
        {
            TakeOver(row);
            await state.SaveAsync(this);
        }

        if (state.State.PendingFeed.Count > 0)
        {
            _feed.Kick();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _feed.Owns(reminderName) ? _feed.OnReminderAsync() : Task.CompletedTask;

    public Task EnsureMigratedAsync() => Task.CompletedTask;

    public Task<int> ArchiveFinishedTasksAsync()
    {
        _archivingSoon = false;
        return _archive.MoveAsync(ArchiveCutoff, () => state.SaveAsync(this));
    }

    public async Task EraseArchivesAsync()
    {
        await _archive.EraseAsync();
        await state.SaveAsync(this);
    }

    public Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is null || access.Version > _access.Version)
        {
            _access = access;
        }

        return Task.CompletedTask;
    }

    public async Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes)
    {
        // A booking brought back from the calendar's archive finds its cleaning task in this grain's archive.
        await _archive.BringBackCleaningsAsync(changes.Where(change => change.Active).Select(change => change.BookingId), () => state.SaveAsync(this));
        foreach (var change in changes)
        {
            state.State.Bookings.TryGetValue(change.BookingId, out var previous);
            if (previous is not null && previous.Revision >= change.Revision && state.State.BookingTasks.ContainsKey(change.BookingId) == change.Active)
            {
                continue;
            }

            state.State.Bookings[change.BookingId] = change;
            await FollowWithCleaningTasksAsync(change, previous);
        }

        foreach (var expired in TaskRules.Forgettable(state.State.Bookings.Values, time.GetUtcNow()).ToList())
        {
            state.State.Bookings.Remove(expired);
        }

        await state.SaveAsync(this);

        // Stays booked long after they ended (a history typed in or imported) leave the index soon, not a day later.
        if (!_archivingSoon && TaskArchiveRules.Due(state.State, ArchiveCutoff).Length > 0)
        {
            _archivingSoon = true;
            _archiveTimer.Change(archiveOptions.BackfillDelay, archiveOptions.PassPeriod);
        }
    }

    private DateOnly ArchiveCutoff => BookingArchiveRules.Cutoff(time.GetUtcNow(), archiveOptions.ArchiveAfter);

    public async Task<ImmutableArray<CalendarEvent>> GetCalendarEventsAsync(Guid callerId, DateOnly from, DateOnly to) =>
        Access.TryGetRole(callerId, out var role)
            ? [.. PropertyTaskViews.CalendarEvents(await _archive.TasksFromAsync(from), PropertyId, callerId, role, Zone, from, to)]
            : [];

    public async Task<ImmutableArray<TimelineEvent>> GetTimelineEventsAsync(Guid callerId, DateOnly today, int days) =>
        Access.TryGetRole(callerId, out var role)
            ? [.. PropertyTaskViews.TimelineEvents(await _archive.TasksFromAsync(today), PropertyId, Access.Details.Name, callerId, role, Zone, today, days)]
            : [];

    // A clash of 144-bit random tokens is not expected; a few tries cover a broken generator's retry.
    private const int TokenAttempts = 3;

    public async Task<CrewTaskView> CreateTaskAsync(Guid callerId, NewCrewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var role = RequireRole(callerId);
        if (!TaskAccess.CanCreate(role))
        {
            throw new ForbiddenException("task.forbidden", "Only the owner and managers create tasks.");
        }

        var notes = TaskRules.Clean(task.Notes);
        TaskRules.EnsureValidNew(task, Access.Members.ContainsKey, state.State.Bookings.ContainsKey);
        TaskRules.EnsureValid(task.From, task.To, notes, null);
        TaskRules.EnsureRoom(state.State.Tasks.Count);
        var created = await AddTaskAsync(task.TaskType, task.AssignedTo, task.From, task.To, task.BookingId, notes, forBooking: false);
        return await ViewAsync(created, role, callerId);
    }

    public async Task<CrewTaskView?> GetTaskAsync(Guid callerId, Guid taskId)
    {
        if (!Access.TryGetRole(callerId, out var role) || await _archive.FindAsync(taskId) is not { } entry
            || TaskAccess.ScopeFor(role, entry.AssignedTo == callerId) is null)
        {
            return null;
        }

        var task = await grains.GetGrain<ITaskGrain>(taskId).GetAsync();
        return task is null ? null : await ViewAsync(task, role, callerId);
    }

    public async Task<CrewTaskView?> GetPublicTaskAsync(Guid taskId)
    {
        if (_access is not { Deleted: false } || await _archive.FindAsync(taskId) is null)
        {
            return null;
        }

        var task = await grains.GetGrain<ITaskGrain>(taskId).GetAsync();
        return task is null ? null : await BuildViewAsync(task, TaskViewScope.Public, null);
    }

    public async Task<CrewTaskView> UpdateTaskAsync(Guid callerId, Guid taskId, CrewTaskPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var (role, entry) = await RequireTaskAsync(callerId, taskId);
        if (!TaskAccess.CanUpdate(role, entry.AssignedTo == callerId, patch))
        {
            throw new ForbiddenException("task.forbidden", "Only the owner changes a task; managers and the assignee change only job_report.");
        }

        TaskRules.EnsureValidPatch(patch, Access.Members.ContainsKey);
        var before = await grains.GetGrain<ITaskGrain>(taskId).GetAsync() ?? throw TaskNotFound();
        var updated = await grains.GetGrain<ITaskGrain>(taskId).UpdateAsync(patch, time.GetUtcNow());
        await IndexAsync(updated);
        await RecordLifecycleAsync(before, updated, callerId);
        return await ViewAsync(updated, role, callerId);
    }

    public async Task<CrewTaskView> CancelTaskAsync(Guid callerId, Guid taskId)
    {
        var (role, _) = await RequireTaskAsync(callerId, taskId);
        if (role != AccessLevel.Owner)
        {
            throw new ForbiddenException("task.forbidden", "Only the owner deletes tasks.");
        }

        var cancelled = await grains.GetGrain<ITaskGrain>(taskId).CancelAsync(time.GetUtcNow());
        await IndexAsync(cancelled);
        return await ViewAsync(cancelled, role, callerId);
    }

    public async Task<CrewTaskView> StartTaskAsync(Guid callerId, Guid taskId)
    {
        var (role, entry) = await RequireTaskAsync(callerId, taskId);
        if (!TaskAccess.CanStart(role, entry.AssignedTo == callerId))
        {
            throw new ForbiddenException("task.forbidden", "Only the assignee or the owner starts a task.");
        }

        var started = await grains.GetGrain<ITaskGrain>(taskId).StartAsync(time.GetUtcNow());
        await IndexAsync(started);
        await AppendActivityAsync(TaskActivity(ActivityKind.TaskStarted, started, callerId));
        return await ViewAsync(started, role, callerId);
    }

    public async Task<CrewTaskView> CompleteTaskAsync(Guid callerId, Guid taskId, string? jobReport)
    {
        var (role, entry) = await RequireTaskAsync(callerId, taskId);
        if (!TaskAccess.CanComplete(role, entry.AssignedTo == callerId))
        {
            throw new ForbiddenException("task.forbidden", "Only the assignee, a manager or the owner completes a task.");
        }

        var completed = await grains.GetGrain<ITaskGrain>(taskId).CompleteAsync(jobReport, time.GetUtcNow());
        await IndexAsync(completed);
        await AppendActivityAsync(TaskActivity(ActivityKind.TaskCompleted, completed, callerId));
        return await ViewAsync(completed, role, callerId);
    }

    public async Task<Page<CrewTaskView>> ListTasksAsync(Guid callerId, TaskQuery query, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(query);
        var role = RequireRole(callerId);
        var ids = Page<Guid>.Of([.. await FindTaskIdsAsync(callerId, role, query, onlyOwnedOrAssigned: false)], page);
        return new Page<CrewTaskView>(await LoadTaskViewsAsync(ids.Content, role, callerId), ids.PageNumber, ids.Size, ids.TotalElements);
    }

    public async Task<TaskMatches> FindTasksAsync(Guid callerId, TaskQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Access.TryGetRole(callerId, out var role))
        {
            return new TaskMatches(0, []);
        }

        var ids = (await FindTaskIdsAsync(callerId, role, query, onlyOwnedOrAssigned: true)).ToList();
        return new TaskMatches(ids.Count, await LoadTaskViewsAsync(ids.Take(Math.Max(0, limit)), role, callerId));
    }

    // Every active booking has a cleaning task; it follows the booking's dates and status. The cleanings of stays that
    // end around this booking's arrival (before and after a move) follow too: their window ends when the next guests
    // arrive. Idempotent, so a redelivered change repairs what a failed one left half done.
    private async Task FollowWithCleaningTasksAsync(BookingChange change, BookingChange? previous)
    {
        await FollowOneBookingAsync(change);
        var arrivals = previous is null ? [change.From] : new[] { change.From, previous.From };
        var neighbours = state.State.Bookings.Values
            .Where(other => other.BookingId != change.BookingId && state.State.BookingTasks.ContainsKey(other.BookingId)
                && arrivals.Any(arrival => Math.Abs(other.To.DayNumber - arrival.DayNumber) <= 1))
            .ToList();
        foreach (var neighbour in neighbours)
        {
            await FollowOneBookingAsync(neighbour);
        }
    }

    private async Task FollowOneBookingAsync(BookingChange booking)
    {
        var (from, to) = TaskRules.CleaningWindow(booking, state.State.Bookings.Values);
        if (state.State.BookingTasks.TryGetValue(booking.BookingId, out var taskId))
        {
            var followed = await grains.GetGrain<ITaskGrain>(taskId).FollowBookingAsync(booking.Active, from, to, time.GetUtcNow());
            await IndexAsync(followed);
        }
        else if (booking.Active)
        {
            await AddTaskAsync(CrewService.Cleaning, DefaultCleaner(), from, to, booking.BookingId, null, forBooking: true);
        }
    }
    // The property's default cleaner while they are on the team, else the owner: a cleaning task always has someone.
    private Guid DefaultCleaner() =>
        Access.Details.DefaultCleanerId is { } cleaner && Access.Members.ContainsKey(cleaner)
            ? cleaner
            : Access.OwnerId;

    // Token index first, then the task, then the property's index entry: until that last write the task is reachable
    // from nowhere, so a failure part-way leaves nothing a caller can see.
    private async Task<CrewTaskDto> AddTaskAsync(
        CrewService type, Guid? assignee, DateTimeOffset from, DateTimeOffset to, Guid? bookingId, string? notes, bool forBooking)
    {
        var taskId = Guid.NewGuid();
        var token = await ReservePublicTokenAsync(taskId);
        var created = await grains.GetGrain<ITaskGrain>(taskId).CreateAsync(
            new CreateCrewTask(PropertyId, type, assignee, from, to, bookingId, notes, token, time.GetUtcNow()));
        state.State.Tasks[taskId] = PropertyTask.Of(created);
        if (forBooking && bookingId is { } booking)
        {
            state.State.BookingTasks[booking] = taskId;
        }

        await state.SaveAsync(this);
        return created;
    }

    private async Task<string> ReservePublicTokenAsync(Guid taskId)
    {
        for (var attempt = 0; attempt < TokenAttempts; attempt++)
        {
            var token = TaskRules.NewPublicToken();
            if (await grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).RegisterAsync(new TaskPublicLink(taskId, PropertyId)))
            {
                return token;
            }
        }

        throw new ConflictException("task.token_clash", "Could not reserve a public token; retry the request.");
    }

    private async Task IndexAsync(CrewTaskDto task)
    {
        var entry = PropertyTask.Of(task);
        if (state.State.Tasks.TryGetValue(task.Id, out var current) && current == entry)
        {
            return;
        }

        state.State.Tasks[task.Id] = entry;
        await state.SaveAsync(this);
    }

    private async Task<IEnumerable<Guid>> FindTaskIdsAsync(Guid callerId, AccessLevel role, TaskQuery query, bool onlyOwnedOrAssigned) =>
        PropertyTaskViews.Find(await _archive.TasksForAsync(query), callerId, role, query, Zone, onlyOwnedOrAssigned);

    private async Task<ImmutableArray<CrewTaskView>> LoadTaskViewsAsync(IEnumerable<Guid> taskIds, AccessLevel role, Guid callerId)
    {
        var tasks = await Task.WhenAll(taskIds.Select(id => grains.GetGrain<ITaskGrain>(id).GetAsync()));
        var views = await Task.WhenAll(tasks.OfType<CrewTaskDto>().Select(task => ViewAsync(task, role, callerId)));
        return [.. views];
    }

    // An archived task is brought back before it changes; the next pass archives it again once it may.
    private async Task<(AccessLevel Role, PropertyTask Entry)> RequireTaskAsync(Guid callerId, Guid taskId)
    {
        if (!Access.TryGetRole(callerId, out var role) || await _archive.FindAsync(taskId) is not { } entry
            || TaskAccess.ScopeFor(role, entry.AssignedTo == callerId) is null)
        {
            throw TaskNotFound();
        }

        await _archive.BringBackAsync(taskId, () => state.SaveAsync(this));
        return (role, entry);
    }

    private static NotFoundException TaskNotFound() => new("task.not_found", "No such task.");

    private Task<CrewTaskView> ViewAsync(CrewTaskDto task, AccessLevel role, Guid callerId) =>
        BuildViewAsync(task, TaskAccess.ScopeFor(role, task.AssignedTo == callerId) ?? TaskViewScope.Stripped, role);

    private async Task<CrewTaskView> BuildViewAsync(CrewTaskDto task, TaskViewScope scope, AccessLevel? role)
    {
        var redacted = TaskAccess.Redact(task, scope);
        if (scope == TaskViewScope.Stripped)
        {
            return new CrewTaskView(scope, redacted, Access.Details.Name, null, role, null);
        }

        var assigneeName = task.AssignedTo is { } assignee ? PropertyTaskViews.DisplayName(await grains.GetGrain<IUserGrain>(assignee).GetAsync()) : null;
        var next = task.TaskType == CrewService.Cleaning ? TaskRules.NextBooking(state.State.Bookings.Values, task.From) : null;
        return new CrewTaskView(scope, redacted, Access.Details.Name, assigneeName, scope == TaskViewScope.Public ? null : role, next);
    }

    // A status change made through an update is recorded like the start and complete calls.
    private async Task RecordLifecycleAsync(CrewTaskDto before, CrewTaskDto after, Guid callerId)
    {
        if (before.Status == after.Status)
        {
            return;
        }

        if (after.Status == CrewTaskStatus.InProgress)
        {
            await AppendActivityAsync(TaskActivity(ActivityKind.TaskStarted, after, callerId));
        }
        else if (after.Status == CrewTaskStatus.Completed)
        {
            await AppendActivityAsync(TaskActivity(ActivityKind.TaskCompleted, after, callerId));
        }
    }

    private ActivityEntry TaskActivity(ActivityKind kind, CrewTaskDto task, Guid callerId) =>
        new(Guid.NewGuid(), PropertyId, kind, time.GetUtcNow(), null, callerId, PropertyTaskViews.ActivitySummary(kind, task, Zone));

    private AccessLevel RequireRole(Guid callerId) =>
        Access.TryGetRole(callerId, out var role) ? role : throw new NotFoundException("property.not_found", "No such property.");

    // Task events reach the feed through this grain's outbox: stored with the change, appended after it (the feed is
    // idempotent by entry id), retried until it takes them.
    private async Task AppendActivityAsync(ActivityEntry entry)
    {
        state.State.PendingFeed.Add(entry);
        await _feed.EnsureReminderAsync();
        await state.SaveAsync(this);
        _feed.Kick();
    }

    private async Task<bool> DeliverFeedAsync()
    {
        var feed = grains.GetGrain<IActivityFeedGrain>(PropertyId);
        foreach (var entry in state.State.PendingFeed.ToList())
        {
            await feed.AppendAsync(entry);
            state.State.PendingFeed.Remove(entry);
        }

        await state.SaveAsync(this);
        return state.State.PendingFeed.Count == 0;
    }

    private void TakeOver(PropertyState row)
    {
        var access = PropertyRow.AccessOf(row);
        foreach (var (taskId, task) in row.Tasks)
        {
            state.State.Tasks[taskId] = task;
        }

        foreach (var (bookingId, taskId) in row.BookingTasks)
        {
            state.State.BookingTasks[bookingId] = taskId;
        }

        foreach (var (bookingId, details) in row.Bookings)
        {
            state.State.Bookings[bookingId] = Bookings.BookingChanges.Of(bookingId, row.BookingRevisions.GetValueOrDefault(bookingId), details, access.Schedule);
        }
    }
}
