using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Bookings;

internal sealed class CheckinCodeIndexGrain(
    [PersistentState("checkinCode", StorageNames.Kasify)] IPersistentState<CheckinCodeIndexState> state) : Grain, ICheckinCodeIndexGrain
{
    public async Task<bool> RegisterAsync(Guid bookingId)
    {
        if (state.RecordExists)
        {
            return state.State.BookingId == bookingId;
        }

        state.State.BookingId = bookingId;
        await state.SaveAsync(this);
        return true;
    }

    public Task<Guid?> ResolveAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown codes are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return Task.FromResult<Guid?>(null);
        }

        return Task.FromResult<Guid?>(state.State.BookingId);
    }

    public async Task ReleaseAsync(Guid bookingId)
    {
        if (state.RecordExists && state.State.BookingId == bookingId)
        {
            await state.ClearAsync(this);
        }
    }
}
