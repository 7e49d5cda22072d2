using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Channels;

internal sealed class ChannelExportTokenGrain(
    [PersistentState("channelExportToken", StorageNames.Kasify)] IPersistentState<ChannelExportTokenState> state) : Grain, IChannelExportTokenGrain
{
    public async Task SetAsync(Guid propertyId)
    {
        state.State.PropertyId = propertyId;
        await state.SaveAsync(this);
    }

    public async Task ClearAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        state.State = new ChannelExportTokenState();
    }

    public Task<Guid?> GetPropertyIdAsync() => Task.FromResult(state.State.PropertyId);
}
