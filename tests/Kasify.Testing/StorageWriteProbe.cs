using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Testing;

/// <summary>
/// Wraps a silo's named grain storage and records every state write (which state, which grain, when), so a test can
/// count the writes a request costs. Install it with <see cref="AddTo"/> after the storage is registered; the silo's
/// services hold the instance.
/// </summary>
public sealed class StorageWriteProbe
{
    private readonly ConcurrentQueue<StorageWrite> _writes = new();

    /// <summary>Every write recorded so far, in the order they finished.</summary>
    public IReadOnlyList<StorageWrite> Writes => [.. _writes];

    /// <summary>
    /// Replaces the keyed <see cref="IGrainStorage"/> registration <paramref name="storageName"/> with a recording
    /// wrapper around what it registered, and registers the probe.
    /// </summary>
    public static void AddTo(ISiloBuilder silo, string storageName)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var registered = silo.Services.LastOrDefault(descriptor =>
            descriptor.ServiceType == typeof(IGrainStorage) && Equals(descriptor.ServiceKey, storageName))
            ?? throw new InvalidOperationException($"No grain storage named {storageName} is registered yet.");
        silo.Services.AddSingleton<StorageWriteProbe>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(storageName, (services, key) =>
            new RecordingStorage(Resolve(registered, services, key), services.GetRequiredService<StorageWriteProbe>()));
    }

    private static IGrainStorage Resolve(ServiceDescriptor registered, IServiceProvider services, object? key) =>
        registered switch
        {
            { KeyedImplementationInstance: IGrainStorage instance } => instance,
            { KeyedImplementationFactory: { } factory } => (IGrainStorage)factory(services, key),
            { KeyedImplementationType: { } type } => (IGrainStorage)ActivatorUtilities.CreateInstance(services, type),
            _ => throw new InvalidOperationException("The grain storage registration has no implementation."),
        };

    private sealed class RecordingStorage(IGrainStorage inner, StorageWriteProbe probe) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            probe._writes.Enqueue(new StorageWrite(stateName, grainId, DateTimeOffset.UtcNow));
        }

        public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
            probe._writes.Enqueue(new StorageWrite(stateName, grainId, DateTimeOffset.UtcNow));
        }
    }
}
