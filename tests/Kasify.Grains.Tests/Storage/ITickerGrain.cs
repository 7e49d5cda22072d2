namespace Kasify.Grains.Tests.Storage;

/// <summary>Test-only grain that registers a durable reminder and counts its ticks in persistent state.</summary>
[Alias("Kasify.Grains.Tests.Storage.ITickerGrain")]
public interface ITickerGrain : IGrainWithGuidKey
{
    /// <summary>Registers the "tick" reminder with the given period.</summary>
    [Alias("StartAsync")]
    Task StartAsync(TimeSpan period);

    /// <summary>Ticks received so far (persisted).</summary>
    [Alias("GetTicksAsync")]
    Task<int> GetTicksAsync();

    /// <summary>Unregisters the reminder.</summary>
    [Alias("StopAsync")]
    Task StopAsync();
}
