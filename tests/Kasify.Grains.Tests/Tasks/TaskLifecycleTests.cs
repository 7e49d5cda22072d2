using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Tasks;

public sealed class TaskLifecycleTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<(Guid OwnerId, Guid PropertyId, IPropertyTasksGrain Tasks)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, propertyId, _grains.GetGrain<IPropertyTasksGrain>(propertyId));
    }

    [Fact]
    public async Task AManualTaskGoesFromPendingThroughInProgressToCompleted()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();

        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(ownerId));
        var started = await tasks.StartTaskAsync(ownerId, created.Task.Id);
        var startAgain = await Assert.ThrowsAsync<ConflictException>(() => tasks.StartTaskAsync(ownerId, created.Task.Id));
        var completed = await tasks.CompleteTaskAsync(ownerId, created.Task.Id, "  Replaced the washer  ");
        var cancelDone = await Assert.ThrowsAsync<ConflictException>(() => tasks.CancelTaskAsync(ownerId, created.Task.Id));

        Assert.Equal(CrewTaskStatus.Pending, created.Task.Status);
        Assert.Equal(TaskViewScope.Owner, created.Scope);
        Assert.Equal(AccessLevel.Owner, created.Access);
        Assert.Equal("Fix the tap", created.Task.Notes);
        Assert.Equal(CrewTaskStatus.InProgress, started.Task.Status);
        Assert.NotNull(started.Task.StartedAt);
        Assert.Equal("task.state", startAgain.Code);
        Assert.Equal(CrewTaskStatus.Completed, completed.Task.Status);
        Assert.NotNull(completed.Task.CompletedAt);
        Assert.Equal("Replaced the washer", completed.Task.JobReport);
        Assert.Equal("task.state", cancelDone.Code);
    }

    [Fact]
    public async Task CompletingAPendingTaskIsAStateConflict()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(ownerId));

        var error = await Assert.ThrowsAsync<ConflictException>(() => tasks.CompleteTaskAsync(ownerId, created.Task.Id, null));

        Assert.Equal("task.state", error.Code);
    }

    [Fact]
    public async Task ACancelledTaskIsListedOnlyWhenCancelledTasksAreIncluded()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(ownerId));

        var cancelled = await tasks.CancelTaskAsync(ownerId, created.Task.Id);
        var hidden = await tasks.ListTasksAsync(ownerId, TaskQuery.All, new PageRequest(0, 20));
        var shown = await tasks.ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true }, new PageRequest(0, 20));
        var startCancelled = await Assert.ThrowsAsync<ConflictException>(() => tasks.StartTaskAsync(ownerId, created.Task.Id));

        Assert.Equal(CrewTaskStatus.Cancelled, cancelled.Task.Status);
        Assert.NotNull(cancelled.Task.CancelledAt);
        Assert.Empty(hidden.Content);
        Assert.Equal(created.Task.Id, Assert.Single(shown.Content).Task.Id);
        Assert.Equal("task.state", startCancelled.Code);
    }

    [Fact]
    public async Task TheOwnerMayChangeEveryFieldAndStatusFollowsTheLifecycle()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();
        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(null));

        var updated = await tasks.UpdateTaskAsync(ownerId, created.Task.Id, TaskFixtures.NoChange with
        {
            AssignedTo = Patch<Guid?>.Set(ownerId),
            Notes = Patch<string>.Set("Bring the ladder"),
            From = Patch<DateTimeOffset?>.Set(TaskFixtures.Morning.AddDays(1)),
            To = Patch<DateTimeOffset?>.Set(TaskFixtures.Morning.AddDays(1).AddHours(1)),
            Status = Patch<CrewTaskStatus?>.Set(CrewTaskStatus.InProgress),
        });
        var backwards = await Assert.ThrowsAsync<ConflictException>(() => tasks.UpdateTaskAsync(
            ownerId, created.Task.Id, TaskFixtures.NoChange with { Status = Patch<CrewTaskStatus?>.Set(CrewTaskStatus.Pending) }));
        var badWindow = await Assert.ThrowsAsync<RequestValidationException>(() => tasks.UpdateTaskAsync(
            ownerId, created.Task.Id, TaskFixtures.NoChange with { To = Patch<DateTimeOffset?>.Set(TaskFixtures.Morning) }));
        var stranger = await Assert.ThrowsAsync<RequestValidationException>(() => tasks.UpdateTaskAsync(
            ownerId, created.Task.Id, TaskFixtures.NoChange with { AssignedTo = Patch<Guid?>.Set(Guid.NewGuid()) }));

        Assert.Equal(ownerId, updated.Task.AssignedTo);
        Assert.Equal("Bring the ladder", updated.Task.Notes);
        Assert.Equal(TaskFixtures.Morning.AddDays(1), updated.Task.From);
        Assert.Equal(CrewTaskStatus.InProgress, updated.Task.Status);
        Assert.Equal("task.state", backwards.Code);
        Assert.Equal(["to"], badWindow.Errors.Keys);
        Assert.Equal(["assigned_to"], stranger.Errors.Keys);
    }

    [Fact]
    public async Task CreatingATaskChecksItsFields()
    {
        var (ownerId, _, tasks) = await NewPropertyAsync();

        var outsider = await Assert.ThrowsAsync<RequestValidationException>(() => tasks.CreateTaskAsync(
            ownerId, TaskFixtures.Maintenance(Guid.NewGuid()) with { BookingId = Guid.NewGuid() }));
        var backwards = await Assert.ThrowsAsync<RequestValidationException>(() => tasks.CreateTaskAsync(
            ownerId, TaskFixtures.Maintenance(ownerId) with { To = TaskFixtures.Morning.AddHours(-1) }));

        Assert.Equal(["assigned_to", "booking_id"], outsider.Errors.Keys.Order());
        Assert.Equal(["to"], backwards.Errors.Keys);
    }

    [Fact]
    public async Task StartingAndCompletingGoToTheActivityFeed()
    {
        var (ownerId, propertyId, tasks) = await NewPropertyAsync();
        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(ownerId));

        await tasks.StartTaskAsync(ownerId, created.Task.Id);
        await tasks.CompleteTaskAsync(ownerId, created.Task.Id, null);
        var activity = await _grains.GetGrain<IPropertyGrain>(propertyId).GetActivityAsync(ownerId, 10);

        Assert.Equal(
            [ActivityKind.TaskCompleted, ActivityKind.TaskStarted],
            activity!.Latest.Where(entry => entry.Kind is ActivityKind.TaskStarted or ActivityKind.TaskCompleted).Select(entry => entry.Kind));
        // The test property's airbnb_ical_url leads nowhere, so its calendar sync may add a failure entry of its own.
        Assert.All(
            activity.Latest.Where(entry => entry.Kind is ActivityKind.TaskStarted or ActivityKind.TaskCompleted),
            entry => Assert.Contains("maintenance", entry.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePublicTokenIsLongUrlSafeAndResolvesToTheTask()
    {
        var (ownerId, propertyId, tasks) = await NewPropertyAsync();
        var created = await tasks.CreateTaskAsync(ownerId, TaskFixtures.Maintenance(ownerId));

        var token = created.Task.PublicToken;
        var link = await _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).ResolveAsync();
        var unknown = await _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For("nope")).ResolveAsync();

        Assert.True(token.Length >= 22, token);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(new TaskPublicLink(created.Task.Id, propertyId), link);
        Assert.Null(unknown);
    }
}
