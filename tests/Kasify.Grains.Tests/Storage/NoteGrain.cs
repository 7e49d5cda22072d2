namespace Kasify.Grains.Tests.Storage;

/// <summary>Stores a text under the state name "test-note".</summary>
public sealed class NoteGrain([PersistentState("test-note", StorageNames.Kasify)] IPersistentState<NoteState> state)
    : Grain, INoteGrain
{
    public async Task SetAsync(string text)
    {
        state.State = new NoteState { Text = text, WrittenAt = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.RecordExists ? state.State.Text : null);

    public Task ClearAsync() => state.ClearStateAsync();
}
