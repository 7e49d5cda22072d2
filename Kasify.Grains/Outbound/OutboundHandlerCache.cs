namespace Kasify.Grains.Outbound;

/// <summary>
/// HTTP handlers kept by key (for example one per pinned certificate, so a connection checked against one pin is never
/// reused for another), at most <c>capacity</c> of them: a new key evicts the least recently used one, and any handler
/// unused for <c>idleTimeout</c> is evicted on the next call. An evicted handler is disposed as soon as the requests
/// it is sending have finished, so a cache filled by many users holds a bounded number of handlers and sockets.
/// </summary>
internal sealed class OutboundHandlerCache(Func<string, HttpMessageHandler> create, int capacity, TimeSpan idleTimeout, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _uses;
    private bool _disposed;

    /// <summary>Handlers currently kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> through the handler for <paramref name="key"/>, creating it if needed.</summary>
    public async Task<HttpResponseMessage> SendAsync(string key, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var entry = Rent(key);
        try
        {
            return await entry.Invoker.SendAsync(request, cancellationToken);
        }
        finally
        {
            Release(entry);
        }
    }

    public void Dispose()
    {
        List<Entry> entries;
        lock (_gate)
        {
            _disposed = true;
            entries = [.. _entries.Values];
            _entries.Clear();
        }

        foreach (var entry in entries)
        {
            entry.Invoker.Dispose();
        }
    }

    private Entry Rent(string key)
    {
        var evicted = new List<Entry>();
        Entry? entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = time.GetUtcNow();
            foreach (var idle in _entries.Values.Where(candidate => candidate.Key != key && now - candidate.LastUsed >= idleTimeout).ToList())
            {
                Evict(idle, evicted);
            }

            if (!_entries.TryGetValue(key, out entry))
            {
                while (_entries.Count >= Math.Max(capacity, 1))
                {
                    Evict(_entries.Values.MinBy(candidate => candidate.LastUse)!, evicted);
                }

                entry = new Entry(key, new HttpMessageInvoker(create(key), disposeHandler: true));
                _entries.Add(key, entry);
            }

            entry.LastUsed = now;
            entry.LastUse = ++_uses;
            entry.Leases++;
            evicted.RemoveAll(candidate => candidate.Leases > 0);
        }

        foreach (var unused in evicted)
        {
            unused.Invoker.Dispose();
        }

        return entry;
    }

    private void Release(Entry entry)
    {
        bool dispose;
        lock (_gate)
        {
            entry.Leases--;
            dispose = entry.Evicted && entry.Leases == 0;
        }

        if (dispose)
        {
            entry.Invoker.Dispose();
        }
    }

    // Under the lock. Rent disposes the evicted entries that send nothing; the others are disposed by their last Release.
    private void Evict(Entry entry, List<Entry> evicted)
    {
        _entries.Remove(entry.Key);
        entry.Evicted = true;
        evicted.Add(entry);
    }

    private sealed class Entry(string key, HttpMessageInvoker invoker)
    {
        public string Key { get; } = key;

        public HttpMessageInvoker Invoker { get; } = invoker;

        public DateTimeOffset LastUsed { get; set; }

        // Orders uses within one clock tick, for choosing the least recently used.
        public long LastUse { get; set; }

        public int Leases { get; set; }

        public bool Evicted { get; set; }
    }
}
