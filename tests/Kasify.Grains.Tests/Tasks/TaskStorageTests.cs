using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tasks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Tasks;

/// <summary>Tasks, the property's task index (its tasks grain) and the token index read back from the SQLite rows as they were written.</summary>
public sealed class TaskStorageTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

    [Fact]
    public async Task TasksAndTheirIndexesAreStoredRows()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        var booking = await _grains.Bookings(property).CreateBookingAsync(owner.Id, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        var tasks = _grains.GetGrain<IPropertyTasksGrain>(propertyId);
        var created = await tasks.CreateTaskAsync(owner.Id, TaskFixtures.Maintenance(owner.Id));
        var started = await tasks.StartTaskAsync(owner.Id, created.Task.Id);

        await _grains.BookingsSettledAsync(propertyId);
        var taskRow = new GrainState<TaskState>(new TaskState());
        await Storage.ReadStateAsync("task", _grains.GetGrain<ITaskGrain>(created.Task.Id).GetGrainId(), taskRow);
        var propertyRow = new GrainState<PropertyTasksState>(new PropertyTasksState());
        await Storage.ReadStateAsync("propertyTasks", tasks.GetGrainId(), propertyRow);
        var tokenRow = new GrainState<TaskPublicTokenIndexState>(new TaskPublicTokenIndexState());
        await Storage.ReadStateAsync(
            "taskPublicToken", _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(created.Task.PublicToken)).GetGrainId(), tokenRow);

        Assert.Equal(started.Task, taskRow.State!.Task);
        Assert.Equal(PropertyTask.Of(started.Task), propertyRow.State!.Tasks[created.Task.Id]);
        var cleaningId = propertyRow.State.BookingTasks[booking.Id];
        Assert.Equal(booking.Id, propertyRow.State.Tasks[cleaningId].BookingId);
        Assert.Equal(new TaskPublicLink(created.Task.Id, propertyId), tokenRow.State!.Link);
    }
}
