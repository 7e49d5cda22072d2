using System.Collections.ObjectModel;

namespace Kasify.Api.Tests.Telemetry;

/// <summary>
/// A collection exporters may add to from any thread (the API's and the silo's spans end on different threads) while
/// the test reads <see cref="Snapshot"/>.
/// </summary>
public sealed class LockedCollection<T> : Collection<T>
{
    private readonly Lock _lock = new();

    /// <summary>A copy of the items added so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void SetItem(int index, T item)
    {
        lock (_lock)
        {
            base.SetItem(index, item);
        }
    }

    protected override void RemoveItem(int index)
    {
        lock (_lock)
        {
            base.RemoveItem(index);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
