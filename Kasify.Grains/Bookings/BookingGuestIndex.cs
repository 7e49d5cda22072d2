using Kasify.Grains.Activity;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Guests;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Outbox;
using Kasify.Grains.Security;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Bookings;

/// <summary>
/// A booking's side of its property's guest index: every push carries all of the booking's guests at its guests'
/// revision (<see cref="BookingState.GuestsRevision"/>), so the index replaces the booking's entries and ignores what is
/// older. A change of the guests stores the debt with them (<see cref="BookingState.GuestsUnindexed"/>); an outbox pass
/// after the turn pays it, retried by timer and reminder. The same pass hands the check-in's activity entries stored with
/// the change (<see cref="BookingState.PendingFeed"/>) to the property's feed.
/// </summary>
internal sealed class BookingGuestIndex
{
    private const string Reminder = "booking-guest-index"; // persisted by the reminder provider: never rename

    private readonly Grain _grain;
    private readonly IPersistentState<BookingState> _state;
    private readonly IGrainFactory _grains;
    private readonly IKeyedHasher _hasher;
    private readonly Func<RegisteredGuest, ValidatedGuest> _decrypt;
    private readonly DurableDelivery _delivery;

    public BookingGuestIndex(
        Grain grain,
        IPersistentState<BookingState> state,
        IGrainFactory grains,
        IKeyedHasher hasher,
        Func<RegisteredGuest, ValidatedGuest> decrypt,
        DurableDeliveryOptions options,
        ILogger logger)
    {
        _grain = grain;
        _state = state;
        _grains = grains;
        _hasher = hasher;
        _decrypt = decrypt;
        _delivery = new DurableDelivery(grain, Reminder, DeliverAsync, options, logger);
        if (state.RecordExists && (state.State.GuestsUnindexed || state.State.PendingFeed.Count > 0))
        {
            _delivery.Kick();
        }
    }

    /// <summary>Whether <paramref name="reminderName"/> is the outbox's reminder.</summary>
    public bool Owns(string reminderName) => _delivery.Owns(reminderName);

    /// <summary>The outbox's reminder fired.</summary>
    public Task OnReminderAsync() => _delivery.OnReminderAsync();

    /// <summary>
    /// Records, before the write that stores a change of the guests, that the index is owed it. A failed write deactivates
    /// the grain, so nothing needs undoing; a revision skipped that way is harmless.
    /// </summary>
    public Task OweAsync()
    {
        _state.State.GuestsRevision++;
        _state.State.GuestsUnindexed = true;
        return _delivery.EnsureReminderAsync();
    }

    /// <summary>Runs the outbox pass right after the turn that wrote the change.</summary>
    public void Kick() => _delivery.Kick();

    /// <summary>Pushes the stored guests now, at their stored revision (what the index holds already is ignored there).</summary>
    public Task PushCurrentAsync() =>
        _state.RecordExists && (_state.State.Guests.Count > 0 || _state.State.GuestsRevision > 0)
            ? PushAsync(_state.State.GuestsRevision, _state.State.Guests)
            : Task.CompletedTask;

    /// <summary>Empties the booking's entries in the index, before the booking's state is erased.</summary>
    public Task PushErasedAsync() =>
        _state.RecordExists && (_state.State.Guests.Count > 0 || _state.State.GuestsRevision > 0)
            ? PushAsync(_state.State.GuestsRevision + 1, [])
            : Task.CompletedTask;

    private async Task<bool> DeliverAsync()
    {
        // The check-in's feed entries go with the same change; the feed takes an entry once by its id.
        if (_state.RecordExists && _state.State.PendingFeed.Count > 0)
        {
            await PendingActivity.DeliverAsync(_grains, _state.State.PropertyId, _state.State.PendingFeed);
            await _state.SaveAsync(_grain);
        }

        if (_state.RecordExists && _state.State.GuestsUnindexed)
        {
            await PushAsync(_state.State.GuestsRevision, _state.State.Guests);
            _state.State.GuestsUnindexed = false;
            await _state.SaveAsync(_grain);
        }

        return true;
    }

    private Task PushAsync(long revision, IEnumerable<RegisteredGuest> guests)
    {
        var bookingId = _grain.GetPrimaryKey();
        var propertyId = _state.State.PropertyId;
        return _grains.GetGrain<IPropertyGuestsGrain>(propertyId).ApplyBookingGuestsAsync(
            PropertyGuestsRules.Summarize(bookingId, propertyId, revision, guests.Select(stored => (stored, _decrypt(stored))), _hasher));
    }
}
