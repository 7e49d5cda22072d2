namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// One task of a property's crew. Key: task id. Only the property grain calls it: the property decides who may do
/// what; the task enforces its own lifecycle (illegal transitions are 409 <c>task.state</c>) and never calls back.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Tasks.ITaskGrain")]
public interface ITaskGrain : IGrainWithGuidKey
{
    /// <summary>Creates the task pending; a repeated create returns the task already stored.</summary>
    [Alias("CreateAsync")]
    Task<CrewTaskDto> CreateAsync(CreateCrewTask command);

    /// <summary>The task, or null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<CrewTaskDto?> GetAsync();

    /// <summary>The task's property, or null when the task does not exist; lets the API route a task id.</summary>
    [Alias("GetPropertyIdAsync")]
    Task<Guid?> GetPropertyIdAsync();

    /// <summary>Applies an update the property has allowed; status changes follow the lifecycle.</summary>
    [Alias("UpdateAsync")]
    Task<CrewTaskDto> UpdateAsync(CrewTaskPatch patch, DateTimeOffset now);

    /// <summary>pending to in_progress.</summary>
    [Alias("StartAsync")]
    Task<CrewTaskDto> StartAsync(DateTimeOffset now);

    /// <summary>in_progress to completed, with an optional job report.</summary>
    [Alias("CompleteAsync")]
    Task<CrewTaskDto> CompleteAsync(string? jobReport, DateTimeOffset now);

    /// <summary>pending or in_progress to cancelled.</summary>
    [Alias("CancelAsync")]
    Task<CrewTaskDto> CancelAsync(DateTimeOffset now);

    /// <summary>
    /// Makes an automatic cleaning task follow its booking: an active booking moves the window (and reopens a task that
    /// the booking's cancellation cancelled); a cancelled booking cancels a pending or started task. Idempotent.
    /// </summary>
    [Alias("FollowBookingAsync")]
    Task<CrewTaskDto> FollowBookingAsync(bool bookingActive, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now);
}
