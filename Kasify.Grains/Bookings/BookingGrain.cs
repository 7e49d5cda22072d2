using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Bookings;

// Called by the property grain, which has authorized the caller and checked the calendar; calls only the check-in code
// index, never the property (that would be a call cycle).
internal sealed class BookingGrain(
    [PersistentState("booking", StorageNames.Kasify)] IPersistentState<BookingState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IBookingGrain
{
    // A clash of 144-bit random codes is not expected in the life of the universe; a few tries cover a broken generator's retry.
    private const int CodeAttempts = 3;

    private Guid BookingId => this.GetPrimaryKey();

    public Task<Guid?> GetPropertyIdAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown ids are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return Task.FromResult<Guid?>(null);
        }

        return Task.FromResult<Guid?>(state.State.PropertyId);
    }

    public async Task<BookingDto> CreateAsync(CreateBooking command)
    {
        if (state.RecordExists)
        {
            throw new ConflictException("booking.exists", "A booking with this id already exists.");
        }

        var details = BookingRules.Normalize(command.Details);
        BookingRules.EnsureValid(details);

        // The code's index entry comes first: a code that resolves to a booking not yet written reads as unknown.
        state.State.CheckinCode = await RegisterNewCodeAsync();
        state.State.PropertyId = command.PropertyId;
        state.State.Details = details;
        state.State.CreatedAt = command.CreatedAt;
        state.State.UpdatedAt = command.CreatedAt;
        await state.SaveAsync(this);
        return ToDto(command.Schedule);
    }

    public Task<BookingDto?> GetAsync(PropertySchedule schedule) => Task.FromResult(state.RecordExists ? ToDto(schedule) : null);

    public async Task<BookingDto> UpdateAsync(BookingDetails details, PropertySchedule schedule)
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("booking.not_found", "No such booking.");
        }

        var normalized = BookingRules.Normalize(details);
        BookingRules.EnsureValid(normalized);
        if (normalized != state.State.Details)
        {
            state.State.Details = normalized;
            state.State.UpdatedAt = time.GetUtcNow();
            await state.SaveAsync(this);
        }

        return ToDto(schedule);
    }

    private async Task<string> RegisterNewCodeAsync()
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = BookingRules.NewCheckinCode();
            if (await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(code)).RegisterAsync(BookingId))
            {
                return code;
            }
        }

        throw new ConflictException("booking.code_unavailable", "Could not allocate a unique check-in code; retry the request.");
    }

    private BookingDto ToDto(PropertySchedule schedule)
    {
        var booking = state.State;
        return new BookingDto(
            BookingId,
            booking.PropertyId,
            booking.Details,
            booking.CheckinCode,
            booking.CreatedAt,
            booking.UpdatedAt,
            booking.CheckinCompletedAt,
            booking.LastSyncAt,
            BookingRules.ArrivalAt(booking.Details, schedule),
            BookingRules.DepartureAt(booking.Details, schedule));
    }
}
