using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Tasks;

internal sealed class TaskPublicTokenIndexGrain(
    [PersistentState("taskPublicToken", StorageNames.Kasify)] IPersistentState<TaskPublicTokenIndexState> state,
    IGrainFactory grains) : Grain, ITaskPublicTokenIndexGrain
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

    public async Task<TaskPublicLink?> ResolveAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown tokens are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return null;
        }

        // An entry from before tokens were hashed moves under the hashed key, then forgets the raw token.
        if (TaskPublicTokenKeys.TokenOfLegacy(this.GetPrimaryKeyString()) is { } token)
        {
            var link = state.State.Link;
            await grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).RegisterAsync(link!);
            await state.ClearAsync(this);
            DeactivateOnIdle();
            return link;
        }

        return state.State.Link;
    }
}
