using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;
using Kasify.Grains.Security;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Guests;

// Calls no grain: bookings push their guests here, the property its access snapshot, so the guest list reads one grain
// per property and the call graph stays acyclic. Summaries are decrypted once per activation and kept in memory, so
// reads (which interleave, [ReadOnly]) only compare.
internal sealed class PropertyGuestsGrain(
    [PersistentState("propertyGuests", StorageNames.Kasify)] IPersistentState<PropertyGuestsState> state,
    PropertyRow propertyRow,
    ISecretProtector protector,
    IKeyedHasher hasher) : Grain, IPropertyGuestsGrain
{
    private PropertyAccess? _access;

    // The stored summaries, decrypted, by booking id.
    private readonly Dictionary<Guid, List<IndexedGuest>> _guests = [];

    private Guid PropertyId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _access = await propertyRow.ReadAsync(PropertyId) is { } row ? PropertyRow.AccessOf(row) : null;
        foreach (var (bookingId, entry) in state.State.Bookings)
        {
            _guests[bookingId] = [.. entry.Guests.Select(stored => new IndexedGuest(
                protector.UnprotectJson<GuestDto>(stored.Protected, PropertyGuestsRules.ProtectionContext(PropertyId, bookingId, stored.Id)),
                stored.DocumentNumberHash))];
        }
    }

    public Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is null || access.Version > _access.Version)
        {
            _access = access;
        }

        return Task.CompletedTask;
    }

    public async Task ApplyBookingGuestsAsync(BookingGuests guests)
    {
        ArgumentNullException.ThrowIfNull(guests);

        // A property without a stored row is gone (its row is written before its first booking): nothing may be kept for it.
        if (_access is not { Deleted: false } || !PropertyGuestsRules.IsNewer(guests, state.State.Bookings.GetValueOrDefault(guests.BookingId)))
        {
            return;
        }

        state.State.Bookings[guests.BookingId] = new GuestIndexEntry
        {
            Revision = guests.Revision,
            Guests = [.. guests.Guests.Select(entry => new StoredGuestSummary
            {
                Id = entry.Guest.Id,
                DocumentNumberHash = entry.DocumentNumberHash,
                Protected = protector.ProtectJson(entry.Guest, PropertyGuestsRules.ProtectionContext(PropertyId, guests.BookingId, entry.Guest.Id)),
            })],
        };
        _guests[guests.BookingId] = [.. guests.Guests];
        await state.SaveAsync(this);
    }

    public Task<GuestMatches> FindGuestsAsync(Guid callerId, string? text, int limit)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !BookingAccess.SeesGuestData(role))
        {
            return Task.FromResult(new GuestMatches(0, []));
        }

        return Task.FromResult(PropertyGuestsRules.Find(_guests.Values.SelectMany(guests => guests), GuestQuery.Of(text, hasher), limit));
    }

    public async Task EraseAllAsync()
    {
        _guests.Clear();
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        DeactivateOnIdle();
    }
}
