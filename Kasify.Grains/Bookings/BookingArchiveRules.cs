using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

/// <summary>Which stays a booking calendar moves to its yearly archives, and which reads need them back; independent of Orleans.</summary>
internal static class BookingArchiveRules
{
    /// <summary>Stays that left before this date (UTC) are old enough to archive.</summary>
    public static DateOnly Cutoff(DateTimeOffset now, TimeSpan archiveAfter) => DateOnly.FromDateTime((now - archiveAfter).UtcDateTime);

    /// <summary>Whether a stay left before <paramref name="cutoff"/>.</summary>
    public static bool IsDue(BookingDetails slot, DateOnly cutoff) => slot.To < cutoff;

    /// <summary>
    /// The slots to move now: stays that left before <paramref name="cutoff"/>, except those the outbox still owes a
    /// delivery for (a change in flight stays where it was accepted until it has reached everyone).
    /// </summary>
    public static ImmutableArray<ArchivedSlot> Due(BookingCalendarState state, DateOnly cutoff) =>
    [
        .. state.Slots
            .Where(entry => IsDue(entry.Value, cutoff) && !Owed(state, entry.Key))
            .Select(entry => new ArchivedSlot(entry.Key, entry.Value, state.Revisions.GetValueOrDefault(entry.Key))),
    ];

    /// <summary>
    /// Whether archived stays can matter to a read or check about stays that leave on or after <paramref name="from"/>
    /// (null: all stays). Every archived stay left on or before <paramref name="archivedThrough"/>; none when null.
    /// </summary>
    public static bool Reaches(DateOnly? archivedThrough, DateOnly? from) =>
        archivedThrough is { } through && (from is null || from <= through);

    /// <summary>The archive years that can hold a stay leaving on or after <paramref name="from"/> (null: all), in order.</summary>
    public static ImmutableArray<int> YearsFrom(IEnumerable<int> years, DateOnly? from) =>
        [.. years.Where(year => from is null || year >= from.Value.Year).Order()];

    /// <summary>
    /// The calendar's own slots followed by the archived ones. A booking in both (a move cut short, or a stay brought
    /// back) counts once, as the calendar holds it; one archived twice counts once, at its higher revision.
    /// </summary>
    public static Dictionary<Guid, BookingDetails> Merge(IReadOnlyDictionary<Guid, BookingDetails> live, IEnumerable<ArchivedSlot> archived)
    {
        var merged = new Dictionary<Guid, BookingDetails>(live);
        var revisions = new Dictionary<Guid, long>();
        foreach (var slot in archived)
        {
            if (live.ContainsKey(slot.BookingId) || (revisions.TryGetValue(slot.BookingId, out var seen) && seen >= slot.Revision))
            {
                continue;
            }

            merged[slot.BookingId] = slot.Slot;
            revisions[slot.BookingId] = slot.Revision;
        }

        return merged;
    }

    private static bool Owed(BookingCalendarState state, Guid bookingId) =>
        state.PendingWrites.ContainsKey(bookingId)
        || state.PendingChanges.ContainsKey(bookingId)
        || state.PendingSesWakes.Contains(bookingId)
        || state.PendingFacts.Contains(bookingId);
}
