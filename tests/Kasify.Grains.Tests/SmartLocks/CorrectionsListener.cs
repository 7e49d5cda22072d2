using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Collects the <c>kind</c> tag of every <c>kasify.locks.corrections</c> measurement while it is alive.</summary>
internal sealed class CorrectionsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _kinds = new();

    public CorrectionsListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Kasify.Locks" && instrument.Name == "kasify.locks.corrections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && tag.Value is string kind)
                {
                    _kinds.Enqueue(kind);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The kinds seen so far, in order.</summary>
    public IReadOnlyList<string> Kinds => [.. _kinds];

    public void Dispose() => _listener.Dispose();
}
