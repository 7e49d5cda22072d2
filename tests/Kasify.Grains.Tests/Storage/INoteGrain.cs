namespace Kasify.Grains.Tests.Storage;

/// <summary>Test-only grain with a string key (e.g. "note:..."), whose state can be cleared.</summary>
[Alias("Kasify.Grains.Tests.Storage.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Stores the text.</summary>
    [Alias("SetAsync")]
    Task SetAsync(string text);

    /// <summary>The stored text, or null when there is no stored record.</summary>
    [Alias("GetAsync")]
    Task<string?> GetAsync();

    /// <summary>Clears the stored state.</summary>
    [Alias("ClearAsync")]
    Task ClearAsync();
}
