namespace Kasify.Grains.Storage;

/// <summary>
/// Writes a reentrant grain's state one write at a time: interleaved turns that each changed the state in memory would
/// otherwise write concurrently and fail on the storage's version check. Each write stores the state as it is when the
/// write starts, so a queued write also carries the changes made while it waited.
/// </summary>
internal sealed class SerializedSaves<T>(IPersistentState<T> state, IGrainBase grain)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SaveAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await state.SaveAsync(grain);
        }
        finally
        {
            _gate.Release();
        }
    }
}
