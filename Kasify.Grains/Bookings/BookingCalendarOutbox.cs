using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Bookings;

/// <summary>
/// One delivery pass over a booking calendar's outbox: booking grains get their accepted changes and the property's
/// facts, the property's locks, tasks and arrival readiness the booking changes (readiness also, once, the bookings stored before it existed), police reporting its wake-ups, the activity feed its
/// entries, and bookings stored before the guest index existed the request to push their guests to it. Every receiver is idempotent, so an entry is removed only once delivered and delivering it again is harmless.
/// </summary>
internal sealed class BookingCalendarOutbox(BookingCalendarState state, IGrainFactory grains, Guid propertyId)
{
    // Bookings asked at once to push their guests: each activates and decrypts its guests, so not all of a large property.
    private const int GuestIndexingBatch = 32;

    /// <summary>How many deliveries are owed.</summary>
    public int Count =>
        state.PendingWrites.Count + state.PendingChanges.Count + state.PendingSesWakes.Count + state.PendingFeed.Count + state.PendingFacts.Count
        + state.PendingGuestIndexing.Count + state.PendingReadinessSeed.Count;

    /// <summary>Whether anything is left to deliver.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Delivers the accepted change of one booking to its grain; the calendar does this before answering.</summary>
    public async Task<BookingDto> DeliverWriteAsync(Guid bookingId)
    {
        var write = state.PendingWrites[bookingId];
        var stored = await grains.GetGrain<IBookingGrain>(bookingId).ApplyAsync(write);
        if (state.PendingWrites.TryGetValue(bookingId, out var current) && current.Revision == write.Revision)
        {
            state.PendingWrites.Remove(bookingId);
        }

        if (stored.Ses.Status != SesStatus.NotRequired)
        {
            state.SesTracked.Add(bookingId);
        }

        return stored;
    }

    /// <summary>Delivers the booking changes to the property's locks, before answering a new booking's creation.</summary>
    public async Task DeliverChangesToLocksAsync()
    {
        var changes = state.PendingChanges.Values.ToImmutableArray();
        if (changes.Length > 0)
        {
            await grains.GetGrain<IPropertyLocksGrain>(propertyId).ApplyBookingChangesAsync(changes);
        }
    }

    /// <summary>
    /// Queues <paramref name="bookingIds"/> (every booking, archived ones too) for <see cref="DeliverGuestIndexingAsync"/>
    /// once, on a calendar stored before the guest index existed; true when that changed the state (it then needs a write).
    /// </summary>
    public bool BeginGuestIndexing(IEnumerable<Guid> bookingIds)
    {
        if (state.GuestsIndexed)
        {
            return false;
        }

        state.GuestsIndexed = true;
        state.PendingGuestIndexing.UnionWith(bookingIds);
        return state.PendingGuestIndexing.Count > 0;
    }

    /// <summary>
    /// Asks the bookings stored before the guest index existed to push their guests to it, a few at a time; true when
    /// something was removed (the state then needs a write).
    /// </summary>
    public async Task<bool> DeliverGuestIndexingAsync()
    {
        var removed = false;
        foreach (var batch in state.PendingGuestIndexing.Chunk(GuestIndexingBatch).ToList())
        {
            await Task.WhenAll(batch.Select(bookingId => grains.GetGrain<IBookingGrain>(bookingId).IndexGuestsAsync()));
            state.PendingGuestIndexing.ExceptWith(batch);
            removed = true;
        }

        return removed;
    }

    /// <summary>Delivers everything; true when something was removed (the state then needs a write).</summary>
    public async Task<bool> DeliverAsync(PropertyAccess? access)
    {
        var removed = await DeliverGuestIndexingAsync();
        foreach (var bookingId in state.PendingWrites.Keys.ToList())
        {
            await DeliverWriteAsync(bookingId);
            removed = true;
        }

        var changes = state.PendingChanges.Values.ToImmutableArray();
        if (changes.Length > 0)
        {
            await grains.GetGrain<IPropertyLocksGrain>(propertyId).ApplyBookingChangesAsync(changes);
            await grains.GetGrain<IPropertyTasksGrain>(propertyId).ApplyBookingChangesAsync(changes);
            await grains.GetGrain<IArrivalReadinessGrain>(propertyId).ApplyBookingChangesAsync(changes);
            foreach (var change in changes)
            {
                if (state.PendingChanges.TryGetValue(change.BookingId, out var current) && current.Revision == change.Revision)
                {
                    state.PendingChanges.Remove(change.BookingId);
                    removed = true;
                }
            }
        }

        if (access is not null && state.PendingReadinessSeed.Count > 0)
        {
            // Bookings stored before arrival readiness existed, as changes at their current revision; a booking changed
            // since then has reached readiness with that change, and an older revision is no news to it.
            var seeds = state.PendingReadinessSeed.ToList();
            var seeded = seeds.Where(state.Slots.ContainsKey)
                .Select(bookingId => BookingChanges.Of(bookingId, state.Revisions.GetValueOrDefault(bookingId), state.Slots[bookingId], access.Schedule))
                .ToImmutableArray();
            if (seeded.Length > 0)
            {
                await grains.GetGrain<IArrivalReadinessGrain>(propertyId).ApplyBookingChangesAsync(seeded);
            }

            state.PendingReadinessSeed.ExceptWith(seeds);
            removed = true;
        }

        if (access is not null && state.PendingFacts.Count > 0)
        {
            foreach (var bookingId in state.PendingFacts.ToList())
            {
                await grains.GetGrain<IBookingGrain>(bookingId).ApplyAccessAsync(access);
                state.PendingFacts.Remove(bookingId);
                removed = true;
            }
        }

        if (state.PendingSesWakes.Count > 0)
        {
            var reports = access is not null && await ReportsToSesAsync(access.AccountId);
            foreach (var bookingId in state.PendingSesWakes.ToList())
            {
                if (reports || state.SesTracked.Contains(bookingId))
                {
                    await grains.GetGrain<IBookingSesGrain>(bookingId).WakeAsync();
                }

                state.PendingSesWakes.Remove(bookingId);
                removed = true;
            }
        }

        var feed = grains.GetGrain<IActivityFeedGrain>(propertyId);
        foreach (var entry in state.PendingFeed.ToList())
        {
            await feed.AppendAsync(entry);
            state.PendingFeed.Remove(entry);
            removed = true;
        }

        return removed;
    }

    // Bookings of an account without an SES.HOSPEDAJES integration have nothing to report, unless reporting had begun.
    private async Task<bool> ReportsToSesAsync(Guid accountId)
    {
        var integrations = await grains.GetGrain<IAccountGrain>(accountId).GetIntegrationsAsync();
        return integrations.Any(integration => integration.Type == IntegrationType.SesHospedajes);
    }
}
