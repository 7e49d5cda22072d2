namespace Kasify.Grains.Tests.Storage;

/// <summary>Counts the ticks of its "tick" reminder under the state name "test-ticker".</summary>
public sealed class TickerGrain([PersistentState("test-ticker", StorageNames.Kasify)] IPersistentState<TickerState> state)
    : Grain, ITickerGrain, IRemindable
{
    private const string Tick = "tick";

    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(Tick, period, period);

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task StopAsync()
    {
        if (await this.GetReminder(Tick) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Tick)
        {
            state.State.Ticks++;
            await state.WriteStateAsync();
        }
    }
}
