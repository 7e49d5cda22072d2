using System.Text.RegularExpressions;

namespace Kasify.Fakes.Channels;

/// <summary>
/// The fake's feeds: their shape, events, switches and request logs. Thread-safe; every method is also reachable
/// through the <c>/fake/*</c> admin API. Methods taking a feed name return null or false for an unknown feed, and
/// throw <see cref="ArgumentException"/> for invalid input.
/// </summary>
public sealed partial class ChannelFakeState(TimeProvider? time = null)
{
    /// <summary>Requests kept per feed; older ones are dropped (the count goes on).</summary>
    public const int MaxLoggedRequests = 1000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelFakeFeed> _feeds = new(StringComparer.Ordinal);
    private ChannelFeedSwitches _defaultSwitches = ChannelFeedSwitches.Normal;

    /// <summary>Creates or replaces a feed with <paramref name="events"/> (UIDs assigned where missing); switches and log stay.</summary>
    public ChannelFeedInfo PutFeed(string name, ChannelFeedShape shape, IEnumerable<ChannelFakeEvent> events)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(events);
        var prepared = new List<ChannelFakeEvent>();
        foreach (var ev in events)
        {
            var ready = Prepare(shape, ev);
            if (prepared.Any(e => e.Uid == ready.Uid))
            {
                throw new ArgumentException($"UID {ready.Uid} appears twice.", nameof(events));
            }

            prepared.Add(ready);
        }

        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed))
            {
                feed = new ChannelFakeFeed(name, shape, DateTimeOffset.MinValue, _defaultSwitches);
                _feeds[name] = feed;
            }

            feed.Shape = shape;
            feed.Events.Clear();
            feed.Events.AddRange(prepared);
            Changed(feed);
            return Info(feed);
        }
    }

    /// <summary>Removes a feed; it then answers 404.</summary>
    public bool RemoveFeed(string name)
    {
        lock (_gate)
        {
            return _feeds.Remove(name);
        }
    }

    /// <summary>Adds an event (its UID assigned in the channel's style when missing) and returns it as stored.</summary>
    /// <exception cref="InvalidOperationException">The feed already has an event with that UID.</exception>
    public ChannelFakeEvent? AddEvent(string name, ChannelFakeEvent ev)
    {
        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed))
            {
                return null;
            }

            var ready = Prepare(feed.Shape, ev);
            if (feed.Events.Any(e => e.Uid == ready.Uid))
            {
                throw new InvalidOperationException($"Feed {name} already has an event with UID {ready.Uid}.");
            }

            feed.Events.Add(ready);
            Changed(feed);
            return ready;
        }
    }

    /// <summary>Replaces the event <paramref name="uid"/> in place (e.g. moved dates), keeping its UID; null if either is unknown.</summary>
    public ChannelFakeEvent? ReplaceEvent(string name, string uid, ChannelFakeEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        lock (_gate)
        {
            var index = _feeds.TryGetValue(name, out var feed) ? feed.Events.FindIndex(e => e.Uid == uid) : -1;
            if (feed is null || index < 0)
            {
                return null;
            }

            var ready = Prepare(feed.Shape, ev with { Uid = uid });
            feed.Events[index] = ready;
            Changed(feed);
            return ready;
        }
    }

    /// <summary>Removes the event <paramref name="uid"/>, as a channel does for a cancelled reservation.</summary>
    public bool RemoveEvent(string name, string uid)
    {
        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed) || feed.Events.RemoveAll(e => e.Uid == uid) == 0)
            {
                return false;
            }

            Changed(feed);
            return true;
        }
    }

    /// <summary>The events of a feed, in feed order.</summary>
    public IReadOnlyList<ChannelFakeEvent>? Events(string name)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(name, out var feed) ? [.. feed.Events] : null;
        }
    }

    /// <summary>Sets the switches of one feed.</summary>
    public bool SetSwitches(string name, ChannelFeedSwitches switches)
    {
        Validate(switches);
        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed))
            {
                return false;
            }

            feed.Switches = switches;
            return true;
        }
    }

    /// <summary>Sets the switches of every feed, and of feeds created from now on.</summary>
    public void SetSwitchesForAll(ChannelFeedSwitches switches)
    {
        Validate(switches);
        lock (_gate)
        {
            _defaultSwitches = switches;
            foreach (var feed in _feeds.Values)
            {
                feed.Switches = switches;
            }
        }
    }

    /// <summary>The switches of a feed.</summary>
    public ChannelFeedSwitches? Switches(string name)
    {
        lock (_gate)
        {
            return _feeds.GetValueOrDefault(name)?.Switches;
        }
    }

    /// <summary>Every feed, by name.</summary>
    public IReadOnlyList<ChannelFeedInfo> Feeds()
    {
        lock (_gate)
        {
            return [.. _feeds.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(Info)];
        }
    }

    /// <summary>One feed.</summary>
    public ChannelFeedInfo? Feed(string name)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(name, out var feed) ? Info(feed) : null;
        }
    }

    /// <summary>The requests a feed received, oldest first (the last <see cref="MaxLoggedRequests"/>).</summary>
    public IReadOnlyList<ChannelFeedRequest>? Requests(string name)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(name, out var feed) ? [.. feed.Requests] : null;
        }
    }

    /// <summary>How many requests a feed received; 0 for an unknown feed.</summary>
    public int RequestCount(string name)
    {
        lock (_gate)
        {
            return _feeds.GetValueOrDefault(name)?.RequestCount ?? 0;
        }
    }

    /// <summary>What the feed serves now, or null for an unknown feed.</summary>
    public ChannelFeedContent? Content(string name)
    {
        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed))
            {
                return null;
            }

            feed.Body ??= ChannelFeedWriter.Write(feed.Shape, feed.Events, feed.LastModified);
            return new ChannelFeedContent(feed.Body, feed.Shape, feed.LastModified, feed.Switches);
        }
    }

    /// <summary>Records a request the feed answered.</summary>
    public void LogRequest(string name, ChannelFeedRequest request)
    {
        lock (_gate)
        {
            if (_feeds.TryGetValue(name, out var feed))
            {
                feed.RequestCount++;
                feed.Requests.Add(request);
                if (feed.Requests.Count > MaxLoggedRequests)
                {
                    feed.Requests.RemoveAt(0);
                }
            }
        }
    }

    /// <summary>The current time, as the fake's clock tells it.</summary>
    public DateTimeOffset Now() => _time.GetUtcNow();

    private void Changed(ChannelFakeFeed feed)
    {
        // HTTP dates have whole seconds. A second change within the same second moves Last-Modified one second on,
        // so If-Modified-Since never hides a change (the fake's clock may then run a little ahead).
        var now = Now();
        var lastModified = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        feed.LastModified = lastModified > feed.LastModified ? lastModified : feed.LastModified.AddSeconds(1);
        feed.Body = null;
    }

    private static ChannelFeedInfo Info(ChannelFakeFeed feed) =>
        new(feed.Name, feed.Shape, feed.Events.Count, feed.Switches, feed.LastModified, feed.RequestCount);

    private static ChannelFakeEvent Prepare(ChannelFeedShape shape, ChannelFakeEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.End <= ev.Start)
        {
            throw new ArgumentException($"The event ends ({ev.End:yyyy-MM-dd}) on or before it starts ({ev.Start:yyyy-MM-dd}).", nameof(ev));
        }

        if (!Enum.IsDefined(ev.Kind))
        {
            throw new ArgumentException($"Unknown event kind {ev.Kind}.", nameof(ev));
        }

        if (ev.PhoneLast4 is { } phone && !FourDigits().IsMatch(phone))
        {
            throw new ArgumentException("PhoneLast4 must be four digits.", nameof(ev));
        }

        if (ev.Uid is { } uid && (uid.Length == 0 || uid.Any(char.IsControl)))
        {
            throw new ArgumentException("A UID must be non-empty text on one line.", nameof(ev));
        }

        if (ev.Rrule is { } rrule && (rrule.Length == 0 || rrule.Any(char.IsControl)))
        {
            throw new ArgumentException("An RRULE must be non-empty text on one line.", nameof(ev));
        }

        if (ev.TimeZone is { } zone && zone != ChannelFeedWriter.Utc && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new ArgumentException($"Unknown time zone {zone}.", nameof(ev));
        }

        return ev with { Uid = ev.Uid ?? ChannelFeedWriter.NewUid(shape), Exdates = [.. ev.Exdates ?? []] };
    }

    private static void Validate(ChannelFeedSwitches switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        if (!Enum.IsDefined(switches.Mode) || switches.DelayMs < 0)
        {
            throw new ArgumentException("Unknown mode or negative delay.", nameof(switches));
        }
    }

    private static void ValidateName(string name)
    {
        if (name is null || !FeedName().IsMatch(name))
        {
            throw new ArgumentException("A feed name is 1-64 letters, digits, '-' or '_'.", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FeedName();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();
}
