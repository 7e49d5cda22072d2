using Orleans.Storage;

namespace Kasify.Silo.Hosting;

/// <summary>
/// Grain storage whose writes and clears run one at a time; reads pass straight through. A SQLite file takes one writer
/// at a time, and Microsoft.Data.Sqlite answers a busy file by sleeping 150 ms before trying again, so concurrent
/// writes from different grains would each pay that sleep. Queuing them in process instead costs only the writes
/// themselves. Used in Sqlite mode only; PostgreSQL takes concurrent writes.
/// </summary>
internal sealed class SerializedWritesGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.WaitAsync();
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writer.Release();
        }
    }
}
