using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Tasks;

public sealed class TaskPermissionTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private sealed record Team(UserDto Owner, UserDto Manager, UserDto Staff, UserDto OtherStaff, UserDto Contractor, UserDto OtherContractor, UserDto Stranger);

    private async Task<(Team Team, IPropertyTasksGrain Tasks, Guid StaffTaskId, Guid ContractorTaskId)> NewTeamAsync()
    {
        var team = new Team(
            await _grains.RegisterNewUserAsync(), await _grains.RegisterNewUserAsync(), await _grains.RegisterNewUserAsync(),
            await _grains.RegisterNewUserAsync(), await _grains.RegisterNewUserAsync(), await _grains.RegisterNewUserAsync(),
            await _grains.RegisterNewUserAsync());
        var propertyId = await fixture.CreatePropertyWithCrewAsync(
            team.Owner,
            (team.Manager, AccessLevel.Manager),
            (team.Staff, AccessLevel.Staff),
            (team.OtherStaff, AccessLevel.Staff),
            (team.Contractor, AccessLevel.Contractor),
            (team.OtherContractor, AccessLevel.Contractor));
        var tasks = _grains.GetGrain<IPropertyTasksGrain>(propertyId);
        var staffTask = await tasks.CreateTaskAsync(team.Owner.Id, TaskFixtures.Maintenance(team.Staff.Id));
        var contractorTask = await tasks.CreateTaskAsync(team.Manager.Id, TaskFixtures.Maintenance(team.Contractor.Id) with { From = TaskFixtures.Morning.AddDays(1), To = TaskFixtures.Morning.AddDays(1).AddHours(1) });
        return (team, tasks, staffTask.Task.Id, contractorTask.Task.Id);
    }

    [Fact]
    public async Task EachRoleSeesWhatTheRolesTableAllows()
    {
        var (team, tasks, staffTask, _) = await NewTeamAsync();

        var owner = await tasks.GetTaskAsync(team.Owner.Id, staffTask);
        var manager = await tasks.GetTaskAsync(team.Manager.Id, staffTask);
        var assignee = await tasks.GetTaskAsync(team.Staff.Id, staffTask);
        var otherStaff = await tasks.GetTaskAsync(team.OtherStaff.Id, staffTask);

        Assert.Equal(TaskViewScope.Owner, owner!.Scope);
        Assert.NotEqual(default, owner.Task.CreatedAt);
        Assert.Equal(TaskViewScope.Crew, manager!.Scope);
        Assert.Equal(default, manager.Task.CreatedAt);
        Assert.Null(manager.Task.BookingId);
        Assert.Equal(AccessLevel.Manager, manager.Access);
        Assert.Equal(TaskViewScope.Crew, assignee!.Scope);
        Assert.Equal("Fix the tap", assignee.Task.Notes);
        Assert.Equal("Ana García", assignee.AssignedToName);
        Assert.Equal(TaskViewScope.Stripped, otherStaff!.Scope);
        Assert.Null(otherStaff.Task.Notes);
        Assert.Null(otherStaff.Task.AssignedTo);
        Assert.Equal("", otherStaff.Task.PublicToken);
        Assert.Null(await tasks.GetTaskAsync(team.Contractor.Id, staffTask));
        Assert.Null(await tasks.GetTaskAsync(team.Stranger.Id, staffTask));
    }

    [Fact]
    public async Task ListsFollowTheRolesTable()
    {
        var (team, tasks, staffTask, contractorTask) = await NewTeamAsync();
        var page = new PageRequest(0, 20);

        var manager = await tasks.ListTasksAsync(team.Manager.Id, TaskQuery.All, page);
        var otherStaff = await tasks.ListTasksAsync(team.OtherStaff.Id, TaskQuery.All, page);
        var contractor = await tasks.ListTasksAsync(team.Contractor.Id, TaskQuery.All, page);
        var otherContractor = await tasks.ListTasksAsync(team.OtherContractor.Id, TaskQuery.All, page);
        var stranger = await Assert.ThrowsAsync<NotFoundException>(() => tasks.ListTasksAsync(team.Stranger.Id, TaskQuery.All, page));
        var acrossAsManager = await tasks.FindTasksAsync(team.Manager.Id, TaskQuery.All, 10);
        var acrossAsOwner = await tasks.FindTasksAsync(team.Owner.Id, TaskQuery.All, 10);
        var byAssignee = await tasks.ListTasksAsync(team.Owner.Id, TaskQuery.All with { AssignedTo = team.Contractor.Id }, page);

        Assert.Equal([staffTask, contractorTask], manager.Content.Select(view => view.Task.Id));
        Assert.All(otherStaff.Content, view => Assert.Equal(TaskViewScope.Stripped, view.Scope));
        Assert.Equal(2, otherStaff.TotalElements);
        Assert.Equal(contractorTask, Assert.Single(contractor.Content).Task.Id);
        Assert.Empty(otherContractor.Content);
        Assert.Equal("property.not_found", stranger.Code);
        Assert.Equal(0, acrossAsManager.Total);
        Assert.Equal(2, acrossAsOwner.Total);
        Assert.Equal(contractorTask, Assert.Single(byAssignee.Content).Task.Id);
    }

    [Fact]
    public async Task OnlyTheOwnerChangesEveryFieldManagersAndTheAssigneeOnlyTheJobReport()
    {
        var (team, tasks, staffTask, _) = await NewTeamAsync();
        var notes = TaskFixtures.NoChange with { Notes = Patch<string>.Set("Other notes") };

        var byAssignee = await tasks.UpdateTaskAsync(team.Staff.Id, staffTask, TaskFixtures.JobReport("Half done"));
        var byManager = await tasks.UpdateTaskAsync(team.Manager.Id, staffTask, TaskFixtures.JobReport("Checked"));
        var managerNotes = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.UpdateTaskAsync(team.Manager.Id, staffTask, notes));
        var assigneeNotes = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.UpdateTaskAsync(team.Staff.Id, staffTask, notes));
        var otherStaff = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.UpdateTaskAsync(team.OtherStaff.Id, staffTask, TaskFixtures.JobReport("x")));
        var contractor = await Assert.ThrowsAsync<NotFoundException>(() => tasks.UpdateTaskAsync(team.Contractor.Id, staffTask, TaskFixtures.JobReport("x")));

        Assert.Equal("Half done", byAssignee.Task.JobReport);
        Assert.Equal("Checked", byManager.Task.JobReport);
        Assert.Equal("task.forbidden", managerNotes.Code);
        Assert.Equal("task.forbidden", assigneeNotes.Code);
        Assert.Equal("task.forbidden", otherStaff.Code);
        Assert.Equal("task.not_found", contractor.Code);
    }

    [Fact]
    public async Task StartCompleteCancelAndCreateFollowTheRoles()
    {
        var (team, tasks, staffTask, contractorTask) = await NewTeamAsync();

        var managerStart = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.StartTaskAsync(team.Manager.Id, staffTask));
        var otherStaffStart = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.StartTaskAsync(team.OtherStaff.Id, staffTask));
        var started = await tasks.StartTaskAsync(team.Staff.Id, staffTask);
        var otherStaffComplete = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.CompleteTaskAsync(team.OtherStaff.Id, staffTask, null));
        var completed = await tasks.CompleteTaskAsync(team.Manager.Id, staffTask, "Done");
        var managerCancel = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.CancelTaskAsync(team.Manager.Id, contractorTask));
        var contractorCancel = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.CancelTaskAsync(team.Contractor.Id, contractorTask));
        var staffCreate = await Assert.ThrowsAsync<ForbiddenException>(() => tasks.CreateTaskAsync(team.Staff.Id, TaskFixtures.Maintenance(null)));
        var strangerCreate = await Assert.ThrowsAsync<NotFoundException>(() => tasks.CreateTaskAsync(team.Stranger.Id, TaskFixtures.Maintenance(null)));
        var contractorStarted = await tasks.StartTaskAsync(team.Contractor.Id, contractorTask);

        Assert.Equal("task.forbidden", managerStart.Code);
        Assert.Equal("task.forbidden", otherStaffStart.Code);
        Assert.Equal(CrewTaskStatus.InProgress, started.Task.Status);
        Assert.Equal("task.forbidden", otherStaffComplete.Code);
        Assert.Equal(CrewTaskStatus.Completed, completed.Task.Status);
        Assert.Equal("task.forbidden", managerCancel.Code);
        Assert.Equal("task.forbidden", contractorCancel.Code);
        Assert.Equal("task.forbidden", staffCreate.Code);
        Assert.Equal("property.not_found", strangerCreate.Code);
        Assert.Equal(TaskViewScope.Crew, contractorStarted.Scope);
    }
}
