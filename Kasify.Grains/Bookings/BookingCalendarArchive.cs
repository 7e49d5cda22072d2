using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

/// <summary>
/// A booking calendar's side of its yearly archives: moving ended stays out, reading them back for the reads and checks
/// that reach them, bringing one back to change it, and erasing them. What to move and when to read is decided by
/// <see cref="BookingArchiveRules"/>; the calendar writes its own state through the save it passes in.
/// </summary>
internal sealed class BookingCalendarArchive(BookingCalendarState state, IGrainFactory grains, Guid propertyId)
{
    /// <summary>
    /// The slots a read or check about stays leaving on or after <paramref name="from"/> (null: all) needs: the calendar's
    /// own, and the archived ones only when an archive can hold such a stay.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BookingDetails>> SlotsFromAsync(DateOnly? from)
    {
        if (!BookingArchiveRules.Reaches(state.ArchivedThrough, from))
        {
            return state.Slots;
        }

        var archived = await Task.WhenAll(BookingArchiveRules.YearsFrom(state.ArchiveYears, from).Select(year => Archive(year).GetAllAsync()));
        return BookingArchiveRules.Merge(state.Slots, archived.SelectMany(slots => slots));
    }

    /// <summary>
    /// The slots a calendar window or an overlap check over [<paramref name="from"/>, <paramref name="to"/>] needs: the
    /// calendar's own, and the archived ones touching those days when an archive can hold such a stay.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BookingDetails>> SlotsTouchingAsync(DateOnly from, DateOnly to)
    {
        if (!BookingArchiveRules.Reaches(state.ArchivedThrough, from))
        {
            return state.Slots;
        }

        var archived = await Task.WhenAll(
            BookingArchiveRules.YearsFrom(state.ArchiveYears, from).Select(year => Archive(year).GetTouchingAsync(from, to)));
        return BookingArchiveRules.Merge(state.Slots, archived.SelectMany(slots => slots));
    }

    /// <summary>Which of <paramref name="bookingIds"/> the calendar holds, in its own state or archived.</summary>
    public async Task<HashSet<Guid>> HeldAsync(IEnumerable<Guid> bookingIds)
    {
        var held = new HashSet<Guid>();
        var missing = new List<Guid>();
        foreach (var bookingId in bookingIds)
        {
            (state.Slots.ContainsKey(bookingId) ? held : (ICollection<Guid>)missing).Add(bookingId);
        }

        foreach (var (_, slot) in await FindArchivedAsync(missing))
        {
            held.Add(slot.BookingId);
        }

        return held;
    }

    /// <summary>
    /// Puts an archived booking's slot back into the calendar's state and saves it, then drops the archived copy; a
    /// crash between leaves a copy that readers ignore and the next pass removes. Nothing for a booking held already.
    /// </summary>
    /// <summary>
    /// The fields a booking has now, for a change: from the outbox when the booking grain has not stored them yet; an
    /// archived stay comes back first. Null when the calendar holds no such booking.
    /// </summary>
    public async Task<BookingDetails?> DetailsForChangeAsync(Guid bookingId, Func<Task> saveAsync)
    {
        if (state.PendingWrites.TryGetValue(bookingId, out var pending))
        {
            return pending.Details;
        }

        if (!(await HeldAsync([bookingId])).Contains(bookingId))
        {
            return null;
        }

        await BringBackAsync(bookingId, saveAsync);
        return (await grains.GetGrain<IBookingGrain>(bookingId).GetForChangeAsync())?.Details;
    }

    public async Task BringBackAsync(Guid bookingId, Func<Task> saveAsync)
    {
        if (state.Slots.ContainsKey(bookingId))
        {
            return;
        }

        var found = (await FindArchivedAsync([bookingId])).OrderByDescending(entry => entry.Slot.Revision).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var (year, slot) = found[0];
        state.Slots[bookingId] = slot.Slot;
        state.Revisions[bookingId] = slot.Revision;
        state.ArchiveLeftovers[bookingId] = year;
        await saveAsync();
        await RemoveLeftoversAsync();
    }

    /// <summary>
    /// One archive pass: drops leftover archived copies of slots the calendar holds, then moves the stays that left before
    /// <paramref name="cutoff"/> to the archive of their departure year. Returns how many moved.
    /// </summary>
    public async Task<int> MoveAsync(DateOnly cutoff, Func<Task> saveAsync)
    {
        var hadLeftovers = await RemoveLeftoversAsync();
        var due = BookingArchiveRules.Due(state, cutoff);
        if (due.IsEmpty)
        {
            if (hadLeftovers)
            {
                await saveAsync();
            }

            return 0;
        }

        // Recorded before any archive hears of them: reads know every archive that may hold a slot, and a pass cut short
        // is finished by the next one removing these copies before moving anything.
        foreach (var slot in due)
        {
            state.ArchiveLeftovers[slot.BookingId] = slot.Slot.To.Year;
        }

        state.ArchiveYears.UnionWith(due.Select(slot => slot.Slot.To.Year));
        await saveAsync();
        foreach (var year in due.GroupBy(slot => slot.Slot.To.Year))
        {
            await Archive(year.Key).AddAsync([.. year]);
        }

        foreach (var slot in due)
        {
            state.Slots.Remove(slot.BookingId);
            state.Revisions.Remove(slot.BookingId);
            state.ArchiveLeftovers.Remove(slot.BookingId);
        }

        var latest = due.Max(slot => slot.Slot.To);
        state.ArchivedThrough = state.ArchivedThrough is { } through && through > latest ? through : latest;
        await saveAsync();
        return due.Length;
    }

    /// <summary>Whether the calendar holds a stay that left before <paramref name="cutoff"/> (moved or not yet movable).</summary>
    public bool HasDue(DateOnly cutoff) => state.Slots.Values.Any(slot => BookingArchiveRules.IsDue(slot, cutoff));

    /// <summary>Erases the archived bookings (their booking grains with the guests' data) and the archives.</summary>
    public async Task EraseAsync()
    {
        foreach (var year in state.ArchiveYears.Order())
        {
            var archive = Archive(year);
            foreach (var slot in await archive.GetAllAsync())
            {
                await grains.GetGrain<IBookingGrain>(slot.BookingId).EraseAsync();
            }

            await archive.EraseAsync();
        }

        state.ArchiveYears.Clear();
        state.ArchiveLeftovers.Clear();
        state.ArchivedThrough = null;
    }

    // Forgets the leftovers in memory only: the caller's next save records it, and removing again is harmless.
    private async Task<bool> RemoveLeftoversAsync()
    {
        if (state.ArchiveLeftovers.Count == 0)
        {
            return false;
        }

        foreach (var year in state.ArchiveLeftovers.GroupBy(entry => entry.Value, entry => entry.Key).ToList())
        {
            await Archive(year.Key).RemoveAsync([.. year]);
            foreach (var bookingId in year)
            {
                state.ArchiveLeftovers.Remove(bookingId);
            }
        }

        return true;
    }

    private async Task<IReadOnlyList<(int Year, ArchivedSlot Slot)>> FindArchivedAsync(IReadOnlyCollection<Guid> bookingIds)
    {
        if (bookingIds.Count == 0 || state.ArchiveYears.Count == 0)
        {
            return [];
        }

        ImmutableArray<Guid> ids = [.. bookingIds];
        var found = await Task.WhenAll(state.ArchiveYears.Order().Select(async year => (Year: year, Slots: await Archive(year).GetAsync(ids))));
        return [.. found.SelectMany(entry => entry.Slots.Select(slot => (entry.Year, slot)))];
    }

    private IBookingArchiveGrain Archive(int year) => BookingArchiveKeys.For(grains, propertyId, year);
}
