namespace Kasify.Grains.Tests.Storage;

/// <summary>Test-only grain with persistent state in <see cref="StorageNames.Kasify"/>. Key: any Guid.</summary>
[Alias("Kasify.Grains.Tests.Storage.ICounterGrain")]
public interface ICounterGrain : IGrainWithGuidKey
{
    /// <summary>Adds to the stored value and writes it; returns the new value.</summary>
    [Alias("AddAsync")]
    Task<int> AddAsync(int amount);

    /// <summary>The stored value (0 when nothing was stored).</summary>
    [Alias("GetAsync")]
    Task<int> GetAsync();

    /// <summary>The silo this activation runs on.</summary>
    [Alias("GetSiloAsync")]
    Task<SiloAddress> GetSiloAsync();
}
