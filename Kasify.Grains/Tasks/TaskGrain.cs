using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Tasks;

// Called only by its property grain, which has decided the caller may act; this grain guards the lifecycle alone and
// calls no other grain, so property -> task is the only call direction.
internal sealed class TaskGrain(
    [PersistentState("task", StorageNames.Kasify)] IPersistentState<TaskState> state) : Grain, ITaskGrain
{
    private CrewTaskDto Current => state.RecordExists
        ? state.State.Task
        : throw new NotFoundException("task.not_found", "No such task.");

    public async Task<CrewTaskDto> CreateAsync(CreateCrewTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.RecordExists)
        {
            return state.State.Task;
        }

        state.State.Task = new CrewTaskDto(
            this.GetPrimaryKey(), command.PropertyId, command.TaskType, CrewTaskStatus.Pending, command.AssignedTo, command.From, command.To,
            command.BookingId, TaskRules.Clean(command.Notes), null, null, null, command.CreatedAt, null, command.PublicToken);
        await state.SaveAsync(this);
        return state.State.Task;
    }

    public Task<CrewTaskDto?> GetAsync() => Task.FromResult(state.RecordExists ? state.State.Task : null);

    public Task<Guid?> GetPropertyIdAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown ids are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return Task.FromResult<Guid?>(null);
        }

        return Task.FromResult<Guid?>(state.State.Task.PropertyId);
    }

    public async Task<CrewTaskDto> UpdateAsync(CrewTaskPatch patch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var current = Current;
        var changed = current with
        {
            AssignedTo = patch.AssignedTo.ApplyTo(current.AssignedTo),
            Notes = patch.Notes.IsSet ? TaskRules.Clean(patch.Notes.Value) : current.Notes,
            JobReport = patch.JobReport.IsSet ? TaskRules.Clean(patch.JobReport.Value) : current.JobReport,
            From = patch.From.Value ?? current.From,
            To = patch.To.Value ?? current.To,
        };
        TaskRules.EnsureValid(changed.From, changed.To, changed.Notes, changed.JobReport);
        if (patch.Status.Value is { } status)
        {
            changed = TaskRules.MoveTo(changed, status, now);
        }

        return await SaveAsync(changed, cancelledWithBooking: false);
    }

    public Task<CrewTaskDto> StartAsync(DateTimeOffset now) => Move(CrewTaskStatus.Pending, CrewTaskStatus.InProgress, null, now);

    public Task<CrewTaskDto> CompleteAsync(string? jobReport, DateTimeOffset now) =>
        Move(CrewTaskStatus.InProgress, CrewTaskStatus.Completed, jobReport, now);

    public async Task<CrewTaskDto> CancelAsync(DateTimeOffset now)
    {
        var current = Current;
        return current.Status == CrewTaskStatus.Cancelled
            ? current
            : await SaveAsync(TaskRules.MoveTo(current, CrewTaskStatus.Cancelled, now), cancelledWithBooking: false);
    }

    public async Task<CrewTaskDto> FollowBookingAsync(bool bookingActive, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var current = Current;
        if (!bookingActive)
        {
            return current.Status is CrewTaskStatus.Pending or CrewTaskStatus.InProgress
                ? await SaveAsync(TaskRules.MoveTo(current, CrewTaskStatus.Cancelled, now), cancelledWithBooking: true)
                : current;
        }

        var followed = current with { From = from, To = to };
        if (current.Status == CrewTaskStatus.Cancelled && state.State.CancelledWithBooking)
        {
            followed = followed with { Status = CrewTaskStatus.Pending, CancelledAt = null, StartedAt = null };
        }

        // Work already done stays where it was done.
        if (current.Status == CrewTaskStatus.Completed || followed == current)
        {
            return current;
        }

        return await SaveAsync(followed, cancelledWithBooking: false);
    }

    private async Task<CrewTaskDto> Move(CrewTaskStatus expected, CrewTaskStatus target, string? jobReport, DateTimeOffset now)
    {
        var current = Current;
        if (current.Status != expected)
        {
            throw TaskRules.IllegalTransition(current.Status, target);
        }

        var report = TaskRules.Clean(jobReport) ?? current.JobReport;
        TaskRules.EnsureValid(current.From, current.To, current.Notes, report);
        return await SaveAsync(TaskRules.MoveTo(current with { JobReport = report }, target, now), cancelledWithBooking: false);
    }

    private async Task<CrewTaskDto> SaveAsync(CrewTaskDto task, bool cancelledWithBooking)
    {
        state.State.Task = task;
        state.State.CancelledWithBooking = cancelledWithBooking;
        await state.SaveAsync(this);
        return task;
    }
}
