using System.Collections.Immutable;
using System.Globalization;
using Kasify.Grains.Activity;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kasify.Grains.Readiness;

// One grain per property, not per booking: the property's arrivals share one reminder (set for the earliest check due),
// so reminder rows grow with properties, not with bookings, and one pass reads the property's locks once for every
// arrival due. Reentrant: a check pass waits on lock, task and booking grains (and, through the locks, on vendors), and
// the calendar's deliveries and readers must not queue behind it. Passes never overlap, state changes happen between
// awaits, and writes go one at a time (SerializedSaves). The property's members are read from its stored row (as the
// locks grain starts from it) on each read and pass, since the property does not push its access snapshot here.
[Reentrant]
internal sealed partial class ArrivalReadinessGrain(
    [PersistentState("arrivalReadiness", StorageNames.Kasify)] IPersistentState<ArrivalReadinessState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    ReadinessOptions options,
    DurableDeliveryOptions deliveryOptions,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<ArrivalReadinessGrain> logger) : Grain, IArrivalReadinessGrain, IRemindable
{
    private const string ChecksReminder = "readiness-checks"; // persisted by the reminder provider: never rename
    private const string ActionsReminder = "readiness-actions"; // persisted by the reminder provider: never rename

    private ImmutableArray<TimeSpan> _offsets;
    private SerializedSaves<ArrivalReadinessState> _saves = null!;
    private DurableDelivery _actions = null!;
    private IGrainTimer? _passTimer;
    private bool _checking; // a check pass is running
    private bool _checkAgain; // and another was asked for meanwhile

    private Guid PropertyId => this.GetPrimaryKey();

    private TimeSpan RetryPeriod =>
        options.RetryPeriod > reminderOptions.Value.MinimumReminderPeriod ? options.RetryPeriod : reminderOptions.Value.MinimumReminderPeriod;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _offsets = options.ParsedOffsets();
        _saves = new SerializedSaves<ArrivalReadinessState>(state, this);
        _actions = new DurableDelivery(this, ActionsReminder, DeliverActionsAsync, deliveryOptions, logger);
        if (state.State.PendingActions.Count > 0 || state.State.PendingFeed.Count > 0)
        {
            _actions.Kick();
        }

        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        _ when _actions.Owns(reminderName) => _actions.OnReminderAsync(),
        ChecksReminder => CheckDueAsync(),
        _ => Task.CompletedTask,
    };

    public async Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes)
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var change in changes)
        {
            state.State.Arrivals.TryGetValue(change.BookingId, out var known);
            if (known is not null && known.Revision >= change.Revision)
            {
                continue;
            }

            if (change.ArrivalAt <= now)
            {
                changed |= state.State.Arrivals.Remove(change.BookingId);
                continue;
            }

            var arrival = known ?? new ReadinessArrival();
            if (arrival.ArrivalAt != change.ArrivalAt || !change.Active)
            {
                // A moved arrival is checked again from its first offset still ahead; a cancelled one keeps no checks.
                arrival.Evaluated = 0;
                arrival.LastOffset = null;
                arrival.Checks.Clear();
            }

            arrival.Revision = change.Revision;
            arrival.ArrivalAt = change.ArrivalAt;
            arrival.DepartureAt = change.DepartureAt;
            arrival.Active = change.Active;
            state.State.Arrivals[change.BookingId] = arrival;
            changed = true;
        }

        changed |= Prune(now);
        if (changed)
        {
            await _saves.SaveAsync();
            await ScheduleAsync();
        }
    }

    public async Task<ArrivalReadinessDto> GetBookingReadinessAsync(Guid callerId, Guid bookingId)
    {
        var role = await RequireRoleAsync(callerId, "booking.not_found", "No such booking.");
        var now = time.GetUtcNow();
        if (!state.State.Arrivals.TryGetValue(bookingId, out var arrival) || !arrival.Active || arrival.ArrivalAt <= now)
        {
            throw new NotFoundException("readiness.not_found", "The booking has no upcoming arrival to check.");
        }

        return View(bookingId, arrival, role, now);
    }

    public async Task<ImmutableArray<ArrivalReadinessDto>> ListUpcomingAsync(Guid callerId, int days)
    {
        var role = await RequireRoleAsync(callerId, "property.not_found", "No such property.");
        var now = time.GetUtcNow();
        var until = now + TimeSpan.FromDays(days);
        return [.. state.State.Arrivals
            .Where(pair => pair.Value.Active && pair.Value.ArrivalAt > now && pair.Value.ArrivalAt <= until)
            .OrderBy(pair => pair.Value.ArrivalAt)
            .ThenBy(pair => pair.Key)
            .Select(pair => View(pair.Key, pair.Value, role, now))];
    }

    public Task<int> GetUndeliveredCountAsync() => Task.FromResult(state.State.PendingActions.Count + state.State.PendingFeed.Count);

    private ArrivalReadinessDto View(Guid bookingId, ReadinessArrival arrival, AccessLevel role, DateTimeOffset now)
    {
        var all = role is AccessLevel.Owner or AccessLevel.Manager;
        var checks = arrival.Checks
            .Where(pair => all || ReadinessRules.IsCrewVisible(pair.Value.Kind))
            .OrderBy(pair => pair.Value.Kind)
            .ThenBy(pair => pair.Value.SmartLockName, StringComparer.Ordinal)
            .Select(pair =>
            {
                var check = pair.Value;
                arrival.Issues.TryGetValue(pair.Key, out var issue);
                return new ReadinessCheckDto(
                    check.Kind, check.SmartLockId, check.SmartLockName, check.Status, check.EvaluatedAt, check.Action,
                    issue?.TaskId, issue?.ResolvedAt is not null, issue?.BackupSmartLockId, issue?.BackupSmartLockName, issue?.BackupCodeStatus);
            });
        return new ArrivalReadinessDto(
            bookingId, PropertyId, arrival.ArrivalAt, arrival.LastOffset, ReadinessRules.NextCheck(arrival, _offsets, now)?.DueAt, [.. checks]);
    }

    private async Task<AccessLevel> RequireRoleAsync(Guid callerId, string code, string message)
    {
        var access = await ReadAccessAsync();
        return access is not null && access.TryGetRole(callerId, out var role) ? role : throw new NotFoundException(code, message);
    }

    private async Task<PropertyAccess?> ReadAccessAsync() =>
        await propertyRow.ReadAsync(PropertyId) is { Deleted: false } row ? PropertyRow.AccessOf(row) : null;

    // Forgets arrivals that have passed; true when something went.
    private bool Prune(DateTimeOffset now)
    {
        var passed = state.State.Arrivals.Where(pair => pair.Value.ArrivalAt <= now).Select(pair => pair.Key).ToList();
        foreach (var bookingId in passed)
        {
            state.State.Arrivals.Remove(bookingId);
        }

        return passed.Count > 0;
    }

    // The reminder is set for the earliest check due, registered again only when that time changes; a check already due
    // runs on a timer right after the current turn, and the reminder stays a retry period on in case that pass fails.
    private async Task ScheduleAsync()
    {
        var now = time.GetUtcNow();
        var next = state.State.Arrivals.Values
            .Select(arrival => ReadinessRules.NextCheck(arrival, _offsets, now))
            .Where(check => check is not null)
            .Select(check => check!.Value.DueAt)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
        if (next == DateTimeOffset.MaxValue)
        {
            await StopRemindersAsync();
            return;
        }

        if (next <= now)
        {
            SchedulePass();
        }

        var wakeAt = ReadinessRules.WakeAt(next, now, RetryPeriod);
        var register = state.State.WakeAt is not { } registered || (next > now ? registered != wakeAt : registered > wakeAt);
        if (register)
        {
            await this.RegisterOrUpdateReminder(ChecksReminder, wakeAt > now ? wakeAt - now : TimeSpan.Zero, RetryPeriod);
            state.State.WakeAt = wakeAt;
            await _saves.SaveAsync();
        }
    }

    private async Task StopRemindersAsync()
    {
        if (state.State.WakeAt is null)
        {
            return;
        }

        if (await this.GetReminder(ChecksReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.WakeAt = null;
        await _saves.SaveAsync();
    }

    private void SchedulePass()
    {
        if (_passTimer is null)
        {
            _passTimer = this.RegisterGrainTimer(static (grain, _) => grain.CheckDueAsync(), this, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _passTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task CheckDueAsync()
    {
        if (_checking)
        {
            _checkAgain = true;
            return;
        }

        _checking = true;
        try
        {
            do
            {
                _checkAgain = false;
                await CheckDueArrivalsAsync();
            }
            while (_checkAgain);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The reminder, a retry period on, tries again.
            LogPassFailed(exception, PropertyId);
            return;
        }
        finally
        {
            _checking = false;
        }

        await ScheduleAsync();
    }

    private async Task CheckDueArrivalsAsync()
    {
        var now = time.GetUtcNow();
        var pruned = Prune(now);
        var due = state.State.Arrivals
            .Select(pair => (BookingId: pair.Key, Arrival: pair.Value, Next: ReadinessRules.NextCheck(pair.Value, _offsets, now)))
            .Where(item => item.Next is { } next && next.DueAt <= now)
            .Select(item => (item.BookingId, item.Arrival.Revision, item.Next!.Value.Index))
            .ToList();
        if (due.Count == 0)
        {
            if (pruned)
            {
                await _saves.SaveAsync();
            }

            return;
        }

        if (await ReadAccessAsync() is not { } access)
        {
            // A deleted property has no arrivals to get ready: forgetting them also stops the reminder.
            state.State.Arrivals.Clear();
            await _saves.SaveAsync();
            return;
        }

        var locks = await grains.GetGrain<IPropertyLocksGrain>(PropertyId).ListSmartLocksAsync(access.OwnerId);
        var queued = false;
        foreach (var (bookingId, revision, index) in due)
        {
            var inputs = await ReadInputsAsync(access, bookingId, locks);

            // A newer booking change that came in meanwhile has its own check.
            if (!state.State.Arrivals.TryGetValue(bookingId, out var arrival) || arrival.Revision != revision)
            {
                continue;
            }

            var findings = ReadinessRules.Evaluate(inputs, first: index == 0, last: index == _offsets.Length - 1, options.BatteryWarningPercent);
            queued |= Record(access, bookingId, arrival, inputs, findings, time.GetUtcNow());
            ReadinessRules.RefreshBackupCodes(arrival, inputs);
            arrival.Evaluated = index + 1;
            arrival.LastOffset = ReadinessOptions.Name(_offsets[index]);
        }

        if (queued)
        {
            await _actions.EnsureReminderAsync();
        }

        await _saves.SaveAsync();
        if (queued)
        {
            _actions.Kick();
        }
    }

    private async Task<ReadinessInputs> ReadInputsAsync(PropertyAccess access, Guid bookingId, ImmutableArray<SmartLockDto> locks)
    {
        var readLocks = await Task.WhenAll(locks.Select(async smartLock =>
            new ReadinessLock(smartLock.Id, smartLock.Name, smartLock.Status, await CodeStateAsync(smartLock.Id, bookingId))));
        var booking = await grains.GetGrain<IBookingGrain>(bookingId).GetAsync();
        var arrivalAt = state.State.Arrivals.TryGetValue(bookingId, out var arrival) ? arrival.ArrivalAt : booking?.ArrivalAt ?? time.GetUtcNow();
        var cleaning = await CleaningBeforeAsync(access, arrivalAt);
        return new ReadinessInputs([.. readLocks], cleaning, booking?.CheckinCompletedAt is not null, booking?.Ses.Status ?? SesStatus.NotRequired);
    }

    // Whether the guest's code is on the lock as the device shows it: the lock grain reads its code list back (and
    // queues a missing or altered code to be placed again, which then shows as being placed). When the device cannot be
    // read (offline, rate limited), the code's status as Kasify last confirmed it stands in.
    private async Task<GuestCodeState> CodeStateAsync(Guid smartLockId, Guid bookingId)
    {
        var check = await grains.GetGrain<ISmartLockGrain>(smartLockId).VerifyCodesAsync(bookingId);
        var present = check.DeviceRead
            ? check.Codes.Any(code => code.OnDevice)
            : check.Codes.Any(code => code.Status == AccessCodeStatus.Active);
        if (present)
        {
            return GuestCodeState.Present;
        }

        return check.Codes.Any(code => code.Status == AccessCodeStatus.Pending) ? GuestCodeState.Placing : GuestCodeState.Missing;
    }

    // The cleaning task that ends last before the arrival, within the fortnight before it.
    private async Task<CrewTaskStatus?> CleaningBeforeAsync(PropertyAccess access, DateTimeOffset arrivalAt)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Schedule.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(arrivalAt, zone).DateTime);
        var query = new TaskQuery(null, null, CrewService.Cleaning, day.AddDays(-14), day, false);
        var page = await grains.GetGrain<IPropertyTasksGrain>(PropertyId).ListTasksAsync(access.OwnerId, query, new PageRequest(0, PageRequest.MaxSize));
        return page.Content
            .Select(view => view.Task)
            .Where(task => task.From < arrivalAt)
            .OrderByDescending(task => task.To)
            .Select(task => (CrewTaskStatus?)task.Status)
            .FirstOrDefault();
    }

    // Stores the pass's results and what they owe; true when actions were queued.
    private bool Record(
        PropertyAccess access, Guid bookingId, ReadinessArrival arrival, ReadinessInputs inputs, ImmutableArray<ReadinessFinding> findings, DateTimeOffset now)
    {
        var queued = false;
        var seen = findings.Select(finding => finding.Key).ToHashSet();
        foreach (var key in arrival.Checks.Keys.Where(key => !seen.Contains(key)).ToList())
        {
            arrival.Checks.Remove(key); // a lock removed from the property, SES no longer reported
        }

        foreach (var finding in findings)
        {
            arrival.Checks[finding.Key] = new ReadinessCheck(finding.Kind, finding.SmartLockId, finding.SmartLockName, finding.Status, now, finding.Action);
            if (finding.Status == ReadinessCheckStatus.Failed)
            {
                ReadinessMetrics.CountFailure(finding.Kind);
            }

            if (!finding.IsLockHealth)
            {
                continue;
            }

            arrival.Issues.TryGetValue(finding.Key, out var issue);
            if (finding.Status == ReadinessCheckStatus.Failed)
            {
                queued |= OpenIssue(access, bookingId, arrival, inputs, finding, issue, now);
            }
            else if (finding.Status == ReadinessCheckStatus.Ok && issue is { ResolvedAt: null })
            {
                issue.ResolvedAt = now;
                state.State.PendingFeed.Add(new ActivityEntry(
                    Guid.NewGuid(), PropertyId, ActivityKind.ReadinessRecovered, now, bookingId, null,
                    $"{finding.SmartLockName} is ready again for the arrival on {Local(access, arrival.ArrivalAt)} ({ReadinessRules.WireName(finding.Kind)} ok); the maintenance task's reason is resolved"));
                queued = true;
            }
        }

        return queued;
    }

    // A lock check failing for the first time for this arrival owes a maintenance task, a feed entry, an email to the
    // owner and each manager, and the guest's code on a healthy lock; failing again owes none of them twice.
    private bool OpenIssue(
        PropertyAccess access, Guid bookingId, ReadinessArrival arrival, ReadinessInputs inputs, ReadinessFinding finding, ReadinessIssue? issue, DateTimeOffset now)
    {
        if (issue is not null)
        {
            if (issue.ResolvedAt is null)
            {
                return false;
            }

            issue.ResolvedAt = null;
            state.State.PendingFeed.Add(new ActivityEntry(
                Guid.NewGuid(), PropertyId, ActivityKind.ReadinessFailed, now, bookingId, null,
                $"{finding.Action} It failed again before the arrival on {Local(access, arrival.ArrivalAt)}; its maintenance task stays open"));
            return true;
        }

        var lockId = finding.SmartLockId!.Value;
        var backup = inputs.Locks.Where(smartLock => smartLock.Id != lockId && smartLock.Healthy).OrderBy(smartLock => smartLock.Name, StringComparer.Ordinal).FirstOrDefault();
        issue = new ReadinessIssue
        {
            Kind = finding.Kind,
            SmartLockId = lockId,
            SmartLockName = finding.SmartLockName ?? "",
            OpenedAt = now,
            BackupSmartLockId = backup?.Id,
            BackupSmartLockName = backup?.Name,
        };
        arrival.Issues[finding.Key] = issue;

        var dueBy = Local(access, arrival.ArrivalAt, "HH:mm");
        var taskRef = ReadinessMails.TaskRefFor(PropertyId, bookingId, finding.Key);
        var notes = (finding.Kind == ReadinessCheckKind.LockBattery
            ? $"Replace batteries on {issue.SmartLockName} before {dueBy}"
            : $"{issue.SmartLockName} is offline: bring it back online (power, bridge, connection) before {dueBy}")
            + $" (guest arrival {Local(access, arrival.ArrivalAt)}). Arrival readiness ref {taskRef}";
        var task = new NewCrewTask(CrewService.Maintenance, Earlier(now, arrival.ArrivalAt), arrival.ArrivalAt, bookingId, MaintenanceAssignee(access), notes);
        state.State.PendingActions.Add(new ReadinessAction(Guid.NewGuid(), ReadinessActionKind.CreateTask, bookingId, finding.Key, task, taskRef, null, null, null));

        foreach (var recipient in access.Members.Where(member => member.Value is AccessLevel.Owner or AccessLevel.Manager).Select(member => member.Key).Order())
        {
            var mailId = ReadinessMails.IdFor(PropertyId, bookingId, finding.Key, recipient);
            var mail = new ReadinessMail(
                mailId, PropertyId, access.Details.Name, recipient, bookingId, arrival.ArrivalAt, Local(access, arrival.ArrivalAt), finding.Kind,
                issue.SmartLockName, backup?.Name, now);
            state.State.PendingActions.Add(new ReadinessAction(Guid.NewGuid(), ReadinessActionKind.SendMail, bookingId, finding.Key, null, null, mail, null, null));
        }

        if (backup is not null)
        {
            state.State.PendingActions.Add(CodeAction(bookingId, arrival, finding.Key, backup.Id));
        }

        state.State.PendingFeed.Add(new ActivityEntry(
            Guid.NewGuid(), PropertyId, ActivityKind.ReadinessFailed, now, bookingId, null,
            $"{finding.Action} Arrival on {Local(access, arrival.ArrivalAt)} at risk: maintenance task created"
            + (backup is null ? "" : $", backup code asked for on {backup.Name}")));
        return true;
    }

    private static ReadinessAction CodeAction(Guid bookingId, ReadinessArrival arrival, string? issueKey, Guid smartLockId) =>
        new(Guid.NewGuid(), ReadinessActionKind.EnsureCode, bookingId, issueKey, null, null, null, smartLockId,
            new AccessCodeRequest(bookingId, arrival.ArrivalAt, arrival.DepartureAt, arrival.Revision));

    // A task needs a window before the arrival; one found with less than a minute left still gets one.
    private static DateTimeOffset Earlier(DateTimeOffset now, DateTimeOffset arrivalAt) =>
        arrivalAt - now > TimeSpan.FromMinutes(1) ? now : arrivalAt - TimeSpan.FromMinutes(1);

    // The property's maintenance crew (the first by id, so a repeat picks the same person), else the owner.
    private static Guid MaintenanceAssignee(PropertyAccess access) =>
        access.Services
            .Where(service => service.Value == CrewService.Maintenance && access.Members.ContainsKey(service.Key))
            .Select(service => service.Key)
            .Order()
            .Cast<Guid?>()
            .FirstOrDefault() ?? access.OwnerId;

    private static string Local(PropertyAccess access, DateTimeOffset instant, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(access.Schedule.TimeZone)).ToString(format, CultureInfo.InvariantCulture);

    // One pass over the outbox: the feed entries, then each action; a refused task or code is logged and dropped (it
    // would be refused again), anything else is retried by the delivery.
    private async Task<bool> DeliverActionsAsync()
    {
        if (state.State.PendingFeed.Count > 0)
        {
            await PendingActivity.DeliverAsync(grains, PropertyId, state.State.PendingFeed);
            await _saves.SaveAsync();
        }

        foreach (var action in state.State.PendingActions.ToList())
        {
            try
            {
                await DeliverAsync(action);
            }
            catch (KasifyException exception)
            {
                LogActionRefused(exception, action.Kind, action.BookingId, PropertyId);
            }

            state.State.PendingActions.Remove(action);
            await _saves.SaveAsync();
        }

        return state.State.PendingActions.Count == 0 && state.State.PendingFeed.Count == 0;
    }

    private async Task DeliverAsync(ReadinessAction action)
    {
        state.State.Arrivals.TryGetValue(action.BookingId, out var arrival);
        var issue = action.IssueKey is { } key && arrival is not null && arrival.Issues.TryGetValue(key, out var found) ? found : null;
        switch (action.Kind)
        {
            case ReadinessActionKind.SendMail:
                await grains.GetGrain<IReadinessMailGrain>(action.Mail!.MailId).SendAsync(action.Mail);
                break;
            case ReadinessActionKind.EnsureCode when arrival is { Active: true }:
                var result = await grains.GetGrain<ISmartLockGrain>(action.SmartLockId!.Value).EnsureCodeAsync(action.Code!);
                if (issue is not null)
                {
                    issue.BackupCodeStatus = result.Code is { } code ? ReadinessViews.CodeStatus(code.Status) : result.Failure?.Error;
                }

                break;
            case ReadinessActionKind.CreateTask when issue is { TaskId: null }:
                issue.TaskId = await CreateTaskOnceAsync(action);
                break;
        }
    }

    // The tasks grain has no idempotency key, so a task created right before a crash is found by the reference its
    // notes carry before another is created.
    private async Task<Guid> CreateTaskOnceAsync(ReadinessAction action)
    {
        var access = await ReadAccessAsync() ?? throw new NotFoundException("property.not_found", "The property is gone.");
        var tasks = grains.GetGrain<IPropertyTasksGrain>(PropertyId);
        var task = action.Task!;
        var from = DateOnly.FromDateTime(task.From.UtcDateTime).AddDays(-1);
        var to = DateOnly.FromDateTime(task.To.UtcDateTime).AddDays(1);
        var existing = await tasks.ListTasksAsync(
            access.OwnerId, new TaskQuery(null, null, CrewService.Maintenance, from, to, true), new PageRequest(0, PageRequest.MaxSize));
        if (existing.Content.FirstOrDefault(view => view.Task.Notes?.Contains(action.TaskRef!, StringComparison.Ordinal) == true) is { } found)
        {
            return found.Task.Id;
        }

        var assignee = task.AssignedTo is { } id && access.Members.ContainsKey(id) ? id : access.OwnerId;
        var created = await tasks.CreateTaskAsync(access.OwnerId, task with { AssignedTo = assignee });
        return created.Task.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A readiness check pass of property {PropertyId} failed; the reminder tries again")]
    private partial void LogPassFailed(Exception exception, Guid propertyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness action {Kind} for booking {BookingId} of property {PropertyId} was refused and is dropped")]
    private partial void LogActionRefused(Exception exception, ReadinessActionKind kind, Guid bookingId, Guid propertyId);
}
