using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Bookings;

internal sealed class BookingArchiveGrain(
    [PersistentState("bookingArchive", StorageNames.Kasify)] IPersistentState<BookingArchiveState> state) : Grain, IBookingArchiveGrain
{
    public async Task AddAsync(ImmutableArray<ArchivedSlot> slots)
    {
        var changed = false;
        foreach (var slot in slots)
        {
            // A retried move may bring an older copy than one a later move stored: the higher revision is the newer slot.
            if (state.State.Revisions.TryGetValue(slot.BookingId, out var held) && held > slot.Revision)
            {
                continue;
            }

            state.State.Slots[slot.BookingId] = slot.Slot;
            state.State.Revisions[slot.BookingId] = slot.Revision;
            changed = true;
        }

        if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    public Task<ImmutableArray<ArchivedSlot>> GetAllAsync() => Task.FromResult(Select(state.State.Slots.Keys));

    public Task<ImmutableArray<ArchivedSlot>> GetTouchingAsync(DateOnly from, DateOnly to) =>
        Task.FromResult(Select(state.State.Slots.Where(entry => entry.Value.From <= to && entry.Value.To >= from).Select(entry => entry.Key)));

    public Task<ImmutableArray<ArchivedSlot>> GetAsync(ImmutableArray<Guid> bookingIds) =>
        Task.FromResult(Select(bookingIds.Where(state.State.Slots.ContainsKey)));

    public async Task RemoveAsync(ImmutableArray<Guid> bookingIds)
    {
        var removed = false;
        foreach (var bookingId in bookingIds)
        {
            removed |= state.State.Slots.Remove(bookingId);
            state.State.Revisions.Remove(bookingId);
        }

        if (removed)
        {
            await state.SaveAsync(this);
        }
    }

    public async Task EraseAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        state.State = new BookingArchiveState();
        DeactivateOnIdle();
    }

    private ImmutableArray<ArchivedSlot> Select(IEnumerable<Guid> bookingIds) =>
        [.. bookingIds.Select(id => new ArchivedSlot(id, state.State.Slots[id], state.State.Revisions.GetValueOrDefault(id)))];
}
