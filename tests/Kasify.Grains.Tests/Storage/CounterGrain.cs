namespace Kasify.Grains.Tests.Storage;

/// <summary>Stores a number under the state name "test-counter".</summary>
public sealed class CounterGrain(
    [PersistentState("test-counter", StorageNames.Kasify)] IPersistentState<CounterState> state, ILocalSiloDetails silo)
    : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task<SiloAddress> GetSiloAsync() => Task.FromResult(silo.SiloAddress);
}
