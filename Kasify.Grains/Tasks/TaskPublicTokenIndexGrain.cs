using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Tasks;

internal sealed class TaskPublicTokenIndexGrain(
    [PersistentState("taskPublicToken", StorageNames.Kasify)] IPersistentState<TaskPublicTokenIndexState> state) : Grain, ITaskPublicTokenIndexGrain
{
    public async Task<bool> RegisterAsync(TaskPublicLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (state.RecordExists)
        {
            return state.State.Link == link;
        }

        state.State.Link = link;
        await state.SaveAsync(this);
        return true;
    }

    public Task<TaskPublicLink?> ResolveAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown tokens are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return Task.FromResult<TaskPublicLink?>(null);
        }

        return Task.FromResult<TaskPublicLink?>(state.State.Link);
    }
}
