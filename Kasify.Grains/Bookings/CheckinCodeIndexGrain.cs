using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Bookings;

internal sealed class CheckinCodeIndexGrain(
    [PersistentState("checkinCode", StorageNames.Kasify)] IPersistentState<CheckinCodeIndexState> state,
    IGrainFactory grains) : Grain, ICheckinCodeIndexGrain
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

    public async Task<Guid?> ResolveAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown codes are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return null;
        }

        // An entry from before codes were hashed moves under the hashed key, then forgets the raw code.
        if (CheckinCodeKeys.CodeOfLegacy(this.GetPrimaryKeyString()) is { } code)
        {
            await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(code)).RegisterAsync(state.State.BookingId);
            var bookingId = state.State.BookingId;
            await state.ClearAsync(this);
            DeactivateOnIdle();
            return bookingId;
        }

        return state.State.BookingId;
    }

    public async Task ReleaseAsync(Guid bookingId)
    {
        if (state.RecordExists && state.State.BookingId == bookingId)
        {
            await state.ClearAsync(this);
        }
    }
}
