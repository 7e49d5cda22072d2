using System.Net;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Rentals;
using Kasify.Grains.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// Tasks stored before instants were bounded may lie at the ends of the calendar; every view that shows one still
/// answers, so the owner can find the task and delete it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StoredOutOfRangeTaskTests(KasifyApiFactory factory)
{
    public static TheoryData<string, string> Windows => new()
    {
        { "0001-01-01T00:00:00+00:00", "0001-01-01T03:00:00+00:00" },
        { "9999-12-31T20:00:00+00:00", "9999-12-31T23:59:59+00:00" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task AStoredCleaningTaskAtTheEndsOfTheCalendarCanBeListedReadAndDeleted(string from, string to)
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var (propertyId, taskId, token) = await StoreTaskAsync(ownerId, DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        using var anonymous = factory.CreateClient();

        var everyTask = await (await owner.GetAsync("/v1/tasks")).ReadSuccessAsync();
        var propertyTasks = await (await owner.GetAsync($"/v1/properties/{propertyId}/tasks")).ReadSuccessAsync();
        var task = await (await owner.GetAsync($"/v1/tasks/{taskId}")).ReadSuccessAsync();
        var shared = await (await anonymous.GetAsync($"/v1/tasks/public/{token}")).ReadSuccessAsync();
        await (await owner.GetAsync($"/v1/properties/{propertyId}/calendar")).ReadSuccessAsync();
        await (await owner.GetAsync("/v1/timeline/upcoming")).ReadSuccessAsync();

        Assert.Contains(everyTask.GetProperty("content").EnumerateArray(), item => item.GetProperty("id").GetGuid() == taskId);
        Assert.Equal(taskId, propertyTasks.GetProperty("content")[0].GetProperty("id").GetGuid());
        Assert.Equal(from, task.GetProperty("from").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shared.GetProperty("next_booking").ValueKind);
        using var deleted = await owner.DeleteAsync($"/v1/tasks/{taskId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    // Written to storage before the grains activate, as an older version of Kasify could have stored it.
    private async Task<(Guid PropertyId, Guid TaskId, string Token)> StoreTaskAsync(Guid ownerId, DateTimeOffset from, DateTimeOffset to)
    {
        var propertyId = await factory.CreatePropertyWithCrewAsync(ownerId, "Casa Antigua", "Europe/Madrid");
        var taskId = Guid.NewGuid();
        var token = $"legacy{Guid.NewGuid():N}"[..24];
        var task = new CrewTaskDto(
            taskId, propertyId, CrewService.Cleaning, CrewTaskStatus.Pending, ownerId, from, to, null, null, null, null, null, DateTimeOffset.UtcNow, null, token);
        var storage = factory.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

        var property = new GrainState<PropertyState>(new PropertyState());
        var propertyGrain = factory.Grains.GetGrain<IPropertyGrain>(propertyId).GetGrainId();
        await storage.ReadStateAsync("property", propertyGrain, property);
        (property.State ?? throw new InvalidOperationException("The property row is missing.")).Tasks[taskId] = PropertyTask.Of(task);
        await storage.WriteStateAsync("property", propertyGrain, property);
        await storage.WriteStateAsync("task", factory.Grains.GetGrain<ITaskGrain>(taskId).GetGrainId(), new GrainState<TaskState>(new TaskState { Task = task }));
        Assert.True(await factory.Grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).RegisterAsync(new TaskPublicLink(taskId, propertyId)));
        return (propertyId, taskId, token);
    }
}
