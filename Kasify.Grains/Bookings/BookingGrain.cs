using Kasify.Grains.CheckIn;
using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Security;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Bookings;

// Changed by the booking calendar, which has authorized the caller and checked the nights; read by guests through their
// check-in code. Calls only the check-in code index, the property's guest index and its activity feed, never the calendar
// or the property (that would be a call cycle). Not reentrant: guest registrations are decided one at a time, so
// guests_number is never exceeded.
internal sealed partial class BookingGrain(
    [PersistentState("booking", StorageNames.Kasify)] IPersistentState<BookingState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    ISecretProtector protector,
    IKeyedHasher hasher,
    DurableDeliveryOptions deliveryOptions,
    ILogger<BookingGrain> logger,
    TimeProvider time) : Grain, IBookingGrain, IRemindable
{
    private BookingGuestIndex _guestIndex = null!;

    // What the booking knows of its property: read from the property's row on activation, then as pushed.
    private PropertyAccess? _access;

    // Decrypted guests of this activation, by guest id: each stored record is decrypted once.
    private readonly Dictionary<Guid, ValidatedGuest> _guests = [];

    // Writes under way whose changes are already in memory; the SES grain's interleaving read must not act on them.
    private int _unsavedChanges;

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

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _guestIndex = new BookingGuestIndex(this, state, grains, hasher, Decrypt, deliveryOptions, logger);
        if (state.RecordExists)
        {
            _access = await propertyRow.ReadAsync(state.State.PropertyId) is { } row ? PropertyRow.AccessOf(row) : null;
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _guestIndex.Owns(reminderName) ? _guestIndex.OnReminderAsync() : Task.CompletedTask;

    public async Task<BookingDto> ApplyAsync(BookingWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!state.RecordExists)
        {
            // The code's index entry comes first: a code that resolves to a booking not yet written reads as unknown.
            _access ??= await propertyRow.ReadAsync(write.PropertyId) is { } row ? PropertyRow.AccessOf(row) : null;
            state.State.CheckinCode = await RegisterNewCodeAsync();
            state.State.PropertyId = write.PropertyId;
            state.State.Details = write.Details;
            state.State.Revision = write.Revision;
            state.State.CreatedAt = write.At;
            state.State.UpdatedAt = write.At;
            state.State.Source = write.Source;
            state.State.LastSyncAt = write.Source is null ? null : write.At;
            await SaveChangeAsync();
            return ToDto();
        }

        if (write.Revision > state.State.Revision)
        {
            state.State.Details = write.Details;
            state.State.Revision = write.Revision;
            state.State.UpdatedAt = write.At;
            if (write.Source is not null)
            {
                state.State.Source ??= write.Source;
                state.State.LastSyncAt = write.At;
            }

            // A changed guest count or arrival can complete the check-in (fewer expected) or reopen it (more expected, a minor).
            var complete = CheckinRules.IsComplete(write.Details, Party());
            state.State.CheckinCompletedAt = complete ? state.State.CheckinCompletedAt ?? write.At : null;
            await SaveChangeAsync();
        }

        return ToDto();
    }

    public Task<BookingDto?> GetAsync() => Task.FromResult(state.RecordExists && _access is not null ? ToDto() : null);

    public Task<BookingForChange?> GetForChangeAsync() => Task.FromResult(state.RecordExists
        ? new BookingForChange(state.State.Details, state.State.Guests.Count, state.State.Ses is { Status: not SesStatus.NotRequired })
        : null);

    public Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is null || access.Version > _access.Version)
        {
            _access = access;
        }

        return Task.CompletedTask;
    }

    public async Task EraseAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(state.State.CheckinCode)).ReleaseAsync(BookingId);
        await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.Legacy(state.State.CheckinCode)).ReleaseAsync(BookingId);
        await _guestIndex.PushErasedAsync();
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    // The change is in memory before this runs; until the write ends, the SES grain's interleaving read sees it as unsettled.
    private async Task SaveChangeAsync()
    {
        _unsavedChanges++;
        try
        {
            await state.SaveAsync(this);
        }
        finally
        {
            _unsavedChanges--;
        }
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

    private PropertySchedule Schedule => (_access ?? throw new NotFoundException("booking.not_found", "No such booking.")).Schedule;

    private BookingDto ToDto()
    {
        var schedule = Schedule;
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
            BookingRules.DepartureAt(booking.Details, schedule),
            booking.Ses ?? SesTracking.NotRequired,
            booking.Source);
    }

    public Task<CheckinSnapshot?> GetCheckinAsync() =>
        Task.FromResult(state.RecordExists && _access is { Deleted: false } ? Snapshot() : null);

    public async Task<CheckinSnapshot> RegisterGuestAsync(GuestRegistration guest)
    {
        if (!state.RecordExists || _access is not { Deleted: false })
        {
            throw new NotFoundException("checkin.not_found", "No booking has this check-in code.");
        }

        var schedule = Schedule;

        var booking = state.State;
        var now = time.GetUtcNow();
        if (CheckinRules.IsClosed(booking.Details, schedule, now))
        {
            throw CheckinRules.Closed();
        }

        var expected = booking.Details.GuestsNumber;
        if (booking.Guests.Count >= expected)
        {
            throw CheckinRules.Full(expected);
        }

        var arrival = booking.Details.From;
        var validated = GuestRules.Validate(guest, arrival, CheckinRules.Today(schedule, now), GeoCatalog.Embedded);
        GuestRules.EnsureFitsBooking(validated, [.. booking.Guests.Select(Decrypt)], expected, arrival);

        var guestId = Guid.NewGuid();
        booking.Guests.Add(new RegisteredGuest
        {
            Id = guestId,
            RegisteredAt = now,
            IsMinor = GuestRules.IsMinor(validated.DateOfBirth, arrival),
            DocumentNumberMasked = GuestRules.MaskDocumentNumber(validated.DocumentNumber),
            Protected = protector.ProtectJson(validated, CheckinRules.ProtectionContext(BookingId, guestId)),
        });
        _guests[guestId] = validated;

        // A minor completing a family's check-in can leave it waiting for an adult's relationship (CheckinRules.Missing).
        var completes = booking.CheckinCompletedAt is null && CheckinRules.IsComplete(booking.Details, Party());
        booking.CheckinCompletedAt = completes ? now : booking.CheckinCompletedAt;
        var feedBefore = booking.PendingFeed.Count;
        booking.PendingFeed.Add(new ActivityEntry(
            guestId, booking.PropertyId, ActivityKind.GuestRegistered, now, BookingId, null,
            $"Guest {booking.Guests.Count} of {expected} registered for the stay {booking.Details.From:yyyy-MM-dd} – {booking.Details.To:yyyy-MM-dd}."));
        if (completes)
        {
            booking.PendingFeed.Add(Completion(now));
        }

        try
        {
            await SaveGuestsChangeAsync();
        }
        catch
        {
            booking.Guests.RemoveAt(booking.Guests.Count - 1);
            _guests.Remove(guestId);
            booking.CheckinCompletedAt = completes ? null : booking.CheckinCompletedAt;
            booking.PendingFeed.RemoveRange(feedBefore, booking.PendingFeed.Count - feedBefore);
            throw;
        }

        return Snapshot();
    }

    public async Task<CheckinSnapshot> ReplaceGuestAsync(Guid guestId, GuestRegistration guest)
    {
        if (!state.RecordExists || _access is not { Deleted: false })
        {
            throw new NotFoundException("checkin.not_found", "No booking has this check-in code.");
        }

        var schedule = Schedule;

        var booking = state.State;
        var index = booking.Guests.FindIndex(stored => stored.Id == guestId);
        if (index < 0)
        {
            throw new NotFoundException("checkin.guest_not_found", "No such guest on this booking.");
        }

        var now = time.GetUtcNow();
        if (CheckinRules.IsClosed(booking.Details, schedule, now))
        {
            throw CheckinRules.Closed();
        }

        if (CheckinRules.IsReported(booking.Ses, guestId))
        {
            throw new ConflictException("checkin.reported", "This guest was reported to SES.HOSPEDAJES and can no longer be changed.");
        }

        var arrival = booking.Details.From;
        var validated = GuestRules.Validate(guest, arrival, CheckinRules.Today(schedule, now), GeoCatalog.Embedded);
        var others = booking.Guests.Where(stored => stored.Id != guestId).Select(Decrypt).ToList();
        GuestRules.EnsureFitsBooking(validated, others, booking.Details.GuestsNumber, arrival);

        var previous = booking.Guests[index];
        var previousCompletion = booking.CheckinCompletedAt;
        booking.Guests[index] = new RegisteredGuest
        {
            Id = guestId,
            RegisteredAt = previous.RegisteredAt,
            IsMinor = GuestRules.IsMinor(validated.DateOfBirth, arrival),
            DocumentNumberMasked = GuestRules.MaskDocumentNumber(validated.DocumentNumber),
            Protected = protector.ProtectJson(validated, CheckinRules.ProtectionContext(BookingId, guestId)),
        };
        _guests[guestId] = validated;

        // Fixing a guest completes the check-in again (the guest register's new trigger), or for the first time when the
        // fix gave what it was missing; a fix that takes away what the register needs reopens it.
        booking.CheckinCompletedAt = CheckinRules.IsComplete(booking.Details, Party()) ? now : null;
        var completes = previousCompletion is null && booking.CheckinCompletedAt is not null;
        if (completes)
        {
            booking.PendingFeed.Add(Completion(now));
        }

        try
        {
            await SaveGuestsChangeAsync();
        }
        catch
        {
            booking.Guests[index] = previous;
            _guests.Remove(guestId);
            booking.CheckinCompletedAt = previousCompletion;
            if (completes)
            {
                booking.PendingFeed.RemoveAt(booking.PendingFeed.Count - 1);
            }

            throw;
        }

        return Snapshot();
    }

    public Task<BookingSesSource?> GetSesSourceAsync()
    {
        if (!state.RecordExists || _access is not { Deleted: false } access)
        {
            return Task.FromResult<BookingSesSource?>(null);
        }

        var schedule = access.Schedule;
        var booking = state.State;
        return Task.FromResult<BookingSesSource?>(new BookingSesSource(
            booking.Details,
            booking.CreatedAt,
            booking.CheckinCompletedAt,
            BookingRules.ArrivalAt(booking.Details, schedule),
            BookingRules.DepartureAt(booking.Details, schedule),
            [.. booking.Guests.Select(stored => new EncryptedGuest(stored.Id, stored.Protected))],
            _unsavedChanges > 0,
            new PropertySesFacts(access.AccountId, schedule, access.Details.SesEstablishmentCode, access.Details.HasInternet, access.Details.RoomsCount)));
    }

    public async Task RecordSesTrackingAsync(SesTracking tracking)
    {
        if (!state.RecordExists || (state.State.Ses is { } stored && stored.Version >= tracking.Version))
        {
            return;
        }

        var previous = state.State.Ses;
        state.State.Ses = tracking;
        try
        {
            await state.SaveAsync(this);
        }
        catch
        {
            state.State.Ses = previous;
            throw;
        }
    }

    public Task IndexGuestsAsync() => _guestIndex.PushCurrentAsync();

    // The guest index hears of the change after the answer, from the outbox stored with the guests.
    private async Task SaveGuestsChangeAsync()
    {
        await _guestIndex.OweAsync();
        await SaveChangeAsync();
        _guestIndex.Kick();
    }

    private CheckinSnapshot Snapshot() => CheckinSnapshots.Of(ToCheckin(Schedule), _access!.Details);

    private BookingCheckin ToCheckin(PropertySchedule schedule)
    {
        var booking = state.State;
        var party = Party();
        var guests = booking.Guests.Zip(party, (stored, entry) => new CheckinGuest(
            stored.Id, entry.Guest.FirstName, entry.Guest.LastName, stored.DocumentNumberMasked, stored.IsMinor, stored.RegisteredAt));
        return new BookingCheckin(
            booking.Details.From,
            booking.Details.To,
            booking.Details.GuestsNumber,
            booking.CheckinCode,
            [.. guests],
            CheckinRules.IsComplete(booking.Details, party),
            CheckinRules.IsClosed(booking.Details, schedule, time.GetUtcNow()),
            CheckinRules.Missing(booking.Details, party));
    }

    // The registered guests, decrypted, with their ids: what the check-in's completion is decided on.
    private List<(Guid Id, ValidatedGuest Guest)> Party() => [.. state.State.Guests.Select(stored => (stored.Id, Decrypt(stored)))];

    private ValidatedGuest Decrypt(RegisteredGuest stored)
    {
        if (!_guests.TryGetValue(stored.Id, out var guest))
        {
            guest = protector.UnprotectJson<ValidatedGuest>(stored.Protected, CheckinRules.ProtectionContext(BookingId, stored.Id));
            _guests[stored.Id] = guest;
        }

        return guest;
    }

    // One entry per booking (its id derives from the booking's), also when a correction is what completes the check-in.
    private ActivityEntry Completion(DateTimeOffset now) => new(
        CheckinRules.CompletionActivityId(BookingId), state.State.PropertyId, ActivityKind.CheckinCompleted, now, BookingId, null,
        $"Check-in completed: all {state.State.Details.GuestsNumber} guests registered for the stay {state.State.Details.From:yyyy-MM-dd} – {state.State.Details.To:yyyy-MM-dd}.");

}
