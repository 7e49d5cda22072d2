using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Crew;

internal sealed class InvitationIndexGrain(
    [PersistentState("invitationToken", StorageNames.Kasify)] IPersistentState<InvitationIndexState> state) : Grain, IInvitationIndexGrain
{
    public async Task<bool> RegisterAsync(InvitationTarget target)
    {
        if (state.RecordExists && state.State.Target is { } existing)
        {
            return existing == target;
        }

        state.State.Target = target;
        await state.SaveAsync(this);
        return true;
    }

    public Task<InvitationTarget?> ResolveAsync()
    {
        if (!state.RecordExists || state.State.Target is null)
        {
            // Unknown tokens are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return Task.FromResult<InvitationTarget?>(null);
        }

        return Task.FromResult<InvitationTarget?>(state.State.Target);
    }

    public async Task ReleaseAsync(InvitationTarget target)
    {
        if (state.RecordExists && state.State.Target == target)
        {
            await state.ClearAsync(this);
        }
    }
}
