namespace Kasify.Grains.Channels;

/// <summary>
/// Decides what one fetch of a feed means for the events already imported from it. Absence is only believed twice in
/// a row, and an unusable or empty answer never cancels anything: channels and networks fail far more often than
/// guests cancel.
/// </summary>
public static class ChannelReconciler
{
    public static ChannelReconcilePlan Plan(
        IReadOnlyCollection<KnownChannelEvent> known, ChannelFeedReadResult fetched, IReadOnlyCollection<PropertyStay> othersOnProperty)
    {
        if (!fetched.Usable || (fetched.IsEmptyCalendar && known.Count > 0))
        {
            return new ChannelReconcilePlan([], [], [], [], Ordered(known), []);
        }

        var knownByUid = new Dictionary<string, KnownChannelEvent>(StringComparer.Ordinal);
        foreach (var entry in known)
        {
            knownByUid.TryAdd(entry.Uid, entry);
        }

        var create = new List<ChannelEvent>();
        var move = new List<ChannelEventMove>();
        var unchanged = new List<KnownChannelEvent>();
        var echoes = new List<ChannelEvent>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var now in fetched.Events)
        {
            if (!present.Add(now.Uid))
            {
                continue;
            }

            if (knownByUid.TryGetValue(now.Uid, out var entry))
            {
                if (entry.DiffersFrom(now))
                {
                    move.Add(new ChannelEventMove(entry, now));
                }
                else
                {
                    unchanged.Add(entry with { MissedFetches = 0 });
                }
            }
            else if (othersOnProperty.Any(stay => stay.Arrival == now.Arrival && stay.Departure == now.Departure))
            {
                // The channel imported our own export and now lists it back: exact dates of a stay we already hold.
                echoes.Add(now);
            }
            else
            {
                create.Add(now);
            }
        }

        var cancel = new List<KnownChannelEvent>();
        var missing = new List<KnownChannelEvent>();
        foreach (var entry in knownByUid.Values.Where(entry => !present.Contains(entry.Uid)))
        {
            if (fetched.ReadOn is { } readOn && entry.Departure <= readOn)
            {
                // Channels drop stays from the export after checkout; that is history, not a cancellation.
                unchanged.Add(entry);
            }
            else if (entry.MissedFetches <= 0)
            {
                missing.Add(entry with { MissedFetches = 1 });
            }
            else
            {
                cancel.Add(entry);
            }
        }

        return new ChannelReconcilePlan(
            Ordered(create),
            move.OrderBy(m => m.Now.Arrival).ThenBy(m => m.Now.Uid, StringComparer.Ordinal).ToList(),
            Ordered(cancel),
            Ordered(missing),
            Ordered(unchanged),
            Ordered(echoes));
    }

    private static List<ChannelEvent> Ordered(IEnumerable<ChannelEvent> events) =>
        events.OrderBy(e => e.Arrival).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();

    private static List<KnownChannelEvent> Ordered(IEnumerable<KnownChannelEvent> events) =>
        events.OrderBy(e => e.Arrival).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
}
