using System.Collections.Immutable;
using Kasify.Grains.Activity;
using Kasify.Grains.Bookings;
using Kasify.Grains.Calendar;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals.CoverImages;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Rentals;

// Calls go from the property to user, account, booking, integration, smart lock and activity feed grains, never back:
// that keeps grain call chains acyclic.
// Not reentrant: booking changes are decided one at a time against the calendar in this grain's state. The smart lock
// and access code calls interleave (see IPropertyGrain): they only read state before waiting on lock grains.
internal sealed partial class PropertyGrain(
    [PersistentState("property", StorageNames.Kasify)] IPersistentState<PropertyState> state,
    IGrainFactory grains,
    ICoverImageStore coverImages,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<PropertyGrain> logger) : Grain, IPropertyGrain, IRemindable
{
    private const string OutboxReminder = "property-outbox"; // persisted by the reminder provider: never rename

    private DurableDelivery _outbox = null!;
    private bool _acknowledgedUnsaved;

    private Guid PropertyId => this.GetPrimaryKey();

    private bool Exists => state.RecordExists && !state.State.Deleted;

    private PropertySchedule Schedule => new(
        state.State.Details.TimeZone ?? PropertyLimits.DefaultTimeZone,
        state.State.Details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
        state.State.Details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new DurableDelivery(this, OutboxReminder, DeliverOutboxAsync, deliveryOptions, logger);

        // A row written before smart locks had a grain of their own: the locks grain takes them over when it activates,
        // and then this row forgets them.
        if (state.RecordExists && state.State.SmartLocks.Count > 0)
        {
            await grains.GetGrain<IPropertyLocksGrain>(PropertyId).EnsureMigratedAsync();
            state.State.SmartLocks.Clear();
            await state.SaveAsync(this);
        }

        if (state.RecordExists && (state.State.AccessDelivered < state.State.AccessVersion
            || state.State.PendingBookingChanges.Count > 0 || state.State.PendingMails.Count > 0))
        {
            _outbox.Kick();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _outbox.Owns(reminderName) ? _outbox.OnReminderAsync() : Task.CompletedTask;

    public async Task<PropertyDto> CreateAsync(Guid callerId, PropertyDetails details)
    {
        if (state.RecordExists)
        {
            throw new ConflictException("property.exists", "A property with this id already exists.");
        }

        var owner = await grains.GetGrain<IUserGrain>(callerId).GetAsync()
            ?? throw new NotFoundException("user.not_found", "The user is not registered.");
        var members = new Dictionary<Guid, AccessLevel> { [callerId] = AccessLevel.Owner };
        var normalized = PropertyRules.Normalize(details);
        PropertyRules.EnsureValid(normalized, members, Geo.GeoCatalog.Embedded);

        // Index entries first: until the property row is written they point at nothing visible. If that write fails
        // they are taken back, since the client's retry creates a property with a new id.
        var user = grains.GetGrain<IUserGrain>(callerId);
        var account = grains.GetGrain<IAccountGrain>(owner.AccountId);
        await user.SetMembershipAsync(new PropertyMembership(PropertyId, AccessLevel.Owner));
        await account.AddPropertyAsync(PropertyId);

        var now = time.GetUtcNow();
        state.State.AccountId = owner.AccountId;
        state.State.Details = normalized;
        state.State.Members = members;
        state.State.CreatedAt = now;
        state.State.UpdatedAt = now;
        try
        {
            await SaveChangesAsync();
        }
        catch (KasifyException)
        {
            await user.RemoveMembershipAsync(PropertyId);
            await account.RemovePropertyAsync(PropertyId);
            throw;
        }

        return ToDto(AccessLevel.Owner);
    }

    public Task<PropertyDto?> GetAsync(Guid callerId) =>
        Task.FromResult(Exists && state.State.Members.TryGetValue(callerId, out var role) ? ToDto(role) : null);

    public async Task<PropertyDto> ReplaceAsync(Guid callerId, PropertyDetails details)
    {
        var role = RequireEditor(callerId);
        var current = state.State.Details;

        // Non-owners never see the owner-only fields, so what they send back must not erase them.
        var replacement = role == AccessLevel.Owner
            ? details
            : details with { AirbnbIcalUrl = current.AirbnbIcalUrl, BookingIcalUrl = current.BookingIcalUrl, DefaultCleanerId = current.DefaultCleanerId };
        var normalized = PropertyRules.Normalize(replacement);
        PropertyRules.EnsureValid(normalized, state.State.Members, Geo.GeoCatalog.Embedded);
        state.State.Details = normalized;
        var saved = await SaveAsync(role);
        await WakeSesAfterPropertyChangeAsync(current, normalized);
        return saved;
    }

    public async Task<PropertyDto> PatchAsync(Guid callerId, PropertyPatch patch)
    {
        var role = RequireEditor(callerId);

        // The default cleaner is owner-only like on PUT, where non-owners cannot erase it; a patch naming it is refused.
        if (role != AccessLevel.Owner && patch.DefaultCleanerId.IsSet)
        {
            throw new ForbiddenException("property.forbidden", "Only the owner sets the default cleaner.");
        }

        var current = state.State.Details;
        var merged = current with
        {
            Name = patch.Name.IsSet ? patch.Name.Value! : current.Name,
            Address = patch.Address.IsSet ? patch.Address.Value! : current.Address,
            ZipCode = patch.ZipCode.IsSet ? patch.ZipCode.Value! : current.ZipCode,
            DefaultCleanerId = patch.DefaultCleanerId.ApplyTo(current.DefaultCleanerId),
            SesEstablishmentCode = patch.SesEstablishmentCode.ApplyTo(current.SesEstablishmentCode),
            SesEstablishmentType = patch.SesEstablishmentType.ApplyTo(current.SesEstablishmentType),
            HasInternet = patch.HasInternet.ApplyTo(current.HasInternet),
            RoomsCount = patch.RoomsCount.ApplyTo(current.RoomsCount),
            CheckinTime = patch.CheckinTime.ApplyTo(current.CheckinTime),
            CheckoutTime = patch.CheckoutTime.ApplyTo(current.CheckoutTime),
        };
        var normalized = PropertyRules.Normalize(merged);
        PropertyRules.EnsureValid(normalized, state.State.Members);
        state.State.Details = normalized;
        var saved = await SaveAsync(role);
        await WakeSesAfterPropertyChangeAsync(current, normalized);
        return saved;
    }

    public async Task DeleteAsync(Guid callerId)
    {
        // An owner's retry after a delete that failed half-way finishes the clean-up.
        var resuming = state.RecordExists && state.State.Deleted
            && state.State.Members.TryGetValue(callerId, out var previousRole) && previousRole == AccessLevel.Owner;
        if (!resuming)
        {
            if (RequireRole(callerId) != AccessLevel.Owner)
            {
                throw new ForbiddenException("property.forbidden", "Only the owner may delete a property.");
            }

            state.State.Deleted = true;
            await SaveChangesAsync();
        }

        await coverImages.DeleteAsync(PropertyId);

        // Guests' codes go before anything else: a lock whose vendor is down stops the delete, which the owner repeats.
        await PushOutboxAsync();
        await grains.GetGrain<IPropertyLocksGrain>(PropertyId).DetachAllAsync();

        // Guests' identity data goes with the property: nothing keeps it reachable, so nothing may keep it stored.
        foreach (var bookingId in state.State.Bookings.Keys)
        {
            await grains.GetGrain<IBookingGrain>(bookingId).EraseAsync();
        }

        foreach (var member in state.State.Members.Keys)
        {
            await grains.GetGrain<IUserGrain>(member).RemoveMembershipAsync(PropertyId);
        }

        await grains.GetGrain<IAccountGrain>(state.State.AccountId).RemovePropertyAsync(PropertyId);
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    public async Task<PropertyDto> SetCoverImageAsync(Guid callerId, string contentType, byte[] content)
    {
        var role = RequireEditor(callerId);
        await coverImages.SaveAsync(PropertyId, new StoredCoverImage(contentType, content));
        state.State.CoverImage = new CoverImageInfo { ContentType = contentType, Version = (state.State.CoverImage?.Version ?? 0) + 1 };
        return await SaveAsync(role);
    }

    public async Task<CoverImage?> GetCoverImageAsync(Guid callerId)
    {
        if (!Exists || !state.State.Members.ContainsKey(callerId) || state.State.CoverImage is not { } info)
        {
            return null;
        }

        var stored = await coverImages.ReadAsync(PropertyId);
        return stored is null ? null : new CoverImage(stored.ContentType, stored.Content, info.Version);
    }

    public async Task<PropertyDto> RemoveCoverImageAsync(Guid callerId)
    {
        var role = RequireEditor(callerId);
        if (state.State.CoverImage is null)
        {
            return ToDto(role);
        }

        await coverImages.DeleteAsync(PropertyId);
        state.State.CoverImage = null;
        return await SaveAsync(role);
    }

    public async Task<BookingDto> CreateBookingAsync(Guid callerId, BookingDetails details)
    {
        var role = RequireBookingEditor(callerId);
        var normalized = BookingRules.Normalize(details);
        BookingRules.EnsureValid(normalized);
        BookingRules.EnsureRoom(state.State.Bookings.Values, normalized);
        EnsureNoOverlap(normalized, self: null);

        // The calendar entry comes first, so the nights are held before the booking exists. If the booking cannot be
        // written the entry is taken back, since the client's retry creates a booking with a new id.
        var bookingId = Guid.NewGuid();
        state.State.Bookings[bookingId] = normalized;
        QueueBookingChange(bookingId, normalized);
        await SaveChangesAsync();

        // SES: the booking report's trigger; the SES grain's reminder is in place before the booking exists.
        var ses = await SesReportingApplies(tracked: false);
        await WakeSesAsync(bookingId, ses);
        BookingDto booking;
        try
        {
            booking = await grains.GetGrain<IBookingGrain>(bookingId)
                .CreateAsync(new CreateBooking(PropertyId, normalized, time.GetUtcNow(), Schedule));
            await AppendActivityAsync(BookingActivity.Created(PropertyId, bookingId, callerId, normalized, time.GetUtcNow()));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any failure, a timeout included: an entry without its booking would hold the nights for nobody.
            state.State.Bookings.Remove(bookingId);
            state.State.PendingBookingChanges.Remove(bookingId);
            await SaveChangesAsync();
            throw;
        }

        // Tasks: the booking's cleaning task (PropertyGrain.Tasks.cs); never fails the stored booking.
        await FollowBookingWithCleaningTaskAsync(bookingId, normalized);
        await WakeSesAsync(bookingId, ses);
        await DeliverNowAsync();
        return BookingAccess.ForRole(booking, role);
    }

    public async Task<BookingDto?> GetBookingAsync(Guid callerId, Guid bookingId)
    {
        if (!TryGetRole(callerId, out var role) || !state.State.Bookings.ContainsKey(bookingId))
        {
            return null;
        }

        EnsureCanReadBookings(role);
        var booking = await grains.GetGrain<IBookingGrain>(bookingId).GetAsync(Schedule);
        return booking is null ? null : BookingAccess.ForRole(booking, role);
    }

    public async Task<BookingDto> UpdateBookingAsync(Guid callerId, Guid bookingId, BookingPatch patch)
    {
        if (!TryGetRole(callerId, out var role) || !state.State.Bookings.TryGetValue(bookingId, out var current))
        {
            throw new NotFoundException("booking.not_found", "No such booking.");
        }

        if (!BookingAccess.CanEdit(role))
        {
            throw new ForbiddenException("booking.forbidden", "Your role on this property does not allow changing its bookings.");
        }

        var merged = BookingRules.Normalize(BookingRules.Apply(current, patch));
        BookingRules.EnsureValid(merged);
        EnsureNoOverlap(merged, bookingId);

        // SES: woken before the write (a cancellation's report is owed even if this activation dies after it) and right
        // after it, before the side effects below can fail; a retry of an unchanged patch wakes it again.
        var ses = await SesReportingApplies(tracked: false);
        await WakeSesAsync(bookingId, ses);

        // As on create, the calendar changes first and is put back if the booking cannot be written.
        var changed = merged != current;
        var revision = state.State.BookingRevisions.GetValueOrDefault(bookingId);
        if (changed)
        {
            state.State.Bookings[bookingId] = merged;
            state.State.BookingRevisions[bookingId] = revision + 1;
            QueueBookingChange(bookingId, merged);
            await SaveChangesAsync();
        }

        BookingDto updated;
        try
        {
            updated = await grains.GetGrain<IBookingGrain>(bookingId).UpdateAsync(merged, Schedule);
        }
        catch (Exception exception) when (changed && exception is not OutOfMemoryException)
        {
            // The locks may have heard of the change already; a newer revision with the old details puts them back.
            state.State.Bookings[bookingId] = current;
            state.State.BookingRevisions[bookingId] = revision + 2;
            QueueBookingChange(bookingId, current);
            await SaveChangesAsync();
            throw;
        }

        await WakeSesAsync(bookingId, ses || updated.Ses.Status != SesStatus.NotRequired);
        if (BookingActivity.Changed(PropertyId, bookingId, callerId, current, merged, time.GetUtcNow()) is { } entry)
        {
            await AppendActivityAsync(entry);
        }

        // Tasks: the cleaning task follows the booking on every update, so a retry repairs a sync that failed.
        await FollowBookingWithCleaningTaskAsync(bookingId, merged, current);
        await DeliverNowAsync();

        return BookingAccess.ForRole(updated, role);
    }

    public async Task<Page<BookingDto>> ListBookingsAsync(Guid callerId, BookingQuery query, PageRequest page)
    {
        var role = RequireRole(callerId);
        EnsureCanReadBookings(role);
        var listings = Page<BookingListing>.Of([.. Find(query, role)], page);
        var bookings = await LoadBookingsAsync(listings.Content.Select(listing => listing.Id), role);
        return new Page<BookingDto>(bookings, listings.PageNumber, listings.Size, listings.TotalElements);
    }

    public Task<BookingMatches> FindBookingsAsync(Guid callerId, BookingQuery query, int limit)
    {
        if (!TryGetRole(callerId, out var role) || !BookingAccess.CanRead(role))
        {
            return Task.FromResult(new BookingMatches(0, []));
        }

        var listings = Find(query, role).ToList();
        return Task.FromResult(new BookingMatches(listings.Count, [.. listings.Take(limit)]));
    }

    public async Task<ImmutableArray<BookingDto>> GetBookingsAsync(Guid callerId, ImmutableArray<Guid> bookingIds)
    {
        if (!TryGetRole(callerId, out var role) || !BookingAccess.CanRead(role))
        {
            return [];
        }

        return await LoadBookingsAsync(bookingIds.Where(state.State.Bookings.ContainsKey), role);
    }

    public async Task<BookingDto?> GetCurrentBookingAsync(Guid callerId)
    {
        var role = RequireRole(callerId);
        EnsureCanReadBookings(role);
        var schedule = Schedule;
        if (BookingRules.FindCurrent(state.State.Bookings, schedule, time.GetUtcNow()) is not { } bookingId)
        {
            return null;
        }

        var booking = await grains.GetGrain<IBookingGrain>(bookingId).GetAsync(schedule);
        return booking is null ? null : BookingAccess.ForRole(booking, role);
    }

    private void EnsureNoOverlap(BookingDetails candidate, Guid? self)
    {
        if (BookingRules.FindOverlap(state.State.Bookings, candidate, self) is { } conflicting)
        {
            throw BookingRules.OverlapConflict(conflicting);
        }
    }

    private IEnumerable<BookingListing> Find(BookingQuery query, AccessLevel role) =>
        BookingSearch.Find(state.State.Bookings, PropertyId, Schedule, query, BookingAccess.SeesGuestData(role));

    private async Task<ImmutableArray<BookingDto>> LoadBookingsAsync(IEnumerable<Guid> bookingIds, AccessLevel role)
    {
        var schedule = Schedule;
        var bookings = await Task.WhenAll(bookingIds.Select(id => grains.GetGrain<IBookingGrain>(id).GetAsync(schedule)));
        return [.. bookings.OfType<BookingDto>().Select(booking => BookingAccess.ForRole(booking, role))];
    }

    private async Task<PropertyDto> SaveAsync(AccessLevel role)
    {
        state.State.UpdatedAt = time.GetUtcNow();
        await SaveChangesAsync();
        return ToDto(role);
    }

    private bool TryGetRole(Guid callerId, out AccessLevel role)
    {
        role = default;
        return Exists && state.State.Members.TryGetValue(callerId, out role);
    }

    private AccessLevel RequireRole(Guid callerId) =>
        Exists && state.State.Members.TryGetValue(callerId, out var role)
            ? role
            : throw new NotFoundException("property.not_found", "No such property.");

    private AccessLevel RequireEditor(Guid callerId)
    {
        var role = RequireRole(callerId);
        return PropertyRules.CanEdit(role)
            ? role
            : throw new ForbiddenException("property.forbidden", "Your role on this property does not allow changing it.");
    }

    private AccessLevel RequireBookingEditor(Guid callerId)
    {
        var role = RequireRole(callerId);
        return BookingAccess.CanEdit(role)
            ? role
            : throw new ForbiddenException("booking.forbidden", "Your role on this property does not allow changing its bookings.");
    }

    private static void EnsureCanReadBookings(AccessLevel role)
    {
        if (!BookingAccess.CanRead(role))
        {
            throw new ForbiddenException("booking.forbidden", "Your role on this property does not include its bookings.");
        }
    }

    private PropertyDto ToDto(AccessLevel role)
    {
        var details = state.State.Details;
        var isOwner = role == AccessLevel.Owner;
        return new PropertyDto(
            PropertyId,
            state.State.AccountId,
            details.Name,
            details.Address,
            details.City,
            details.ZipCode,
            details.CountryCode,
            details.ProvinceId,
            details.CityId,
            details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
            details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
            details.TimeZone ?? PropertyLimits.DefaultTimeZone,
            isOwner ? details.AirbnbIcalUrl : null,
            isOwner ? details.BookingIcalUrl : null,
            isOwner ? details.DefaultCleanerId : null,
            details.SesEstablishmentCode,
            details.SesEstablishmentType,
            details.HasInternet,
            details.RoomsCount,
            state.State.CoverImage?.Version,
            role,
            state.State.CreatedAt,
            state.State.UpdatedAt);
    }

    public Task<PropertyCalendar> GetCalendarAsync(Guid callerId, CalendarWindow window) =>
        Task.FromResult(Calendar(callerId, RequireRole(callerId), window));

    public Task<PropertyCalendar?> FindCalendarAsync(Guid callerId, CalendarWindow window) =>
        Task.FromResult(TryGetRole(callerId, out var role) ? Calendar(callerId, role, window) : null);

    public Task<ImmutableArray<TimelineEvent>> GetUpcomingAsync(Guid callerId, int days)
    {
        if (!TryGetRole(callerId, out var role))
        {
            return Task.FromResult(ImmutableArray<TimelineEvent>.Empty);
        }

        var schedule = Schedule;
        var today = CalendarRules.Today(schedule, time.GetUtcNow());
        var bookings = CalendarRules.Upcoming(state.State.Bookings, PropertyId, state.State.Details.Name, schedule, today, days, role);

        // Tasks: task events (PropertyGrain.Tasks.cs) join the bookings' arrivals and departures, by instant.
        return Task.FromResult<ImmutableArray<TimelineEvent>>(
            [.. bookings.Concat(TaskTimelineEvents(callerId, role, today, days)).OrderBy(item => item.At).ThenBy(item => item.Type)]);
    }

    // The feed keeps at most IActivityFeedGrain.Capacity entries, so reading all of them to count is bounded.
    public async Task<PropertyActivity?> GetActivityAsync(Guid callerId, int limit)
    {
        if (!TryGetRole(callerId, out var role))
        {
            return null;
        }

        var entries = await grains.GetGrain<IActivityFeedGrain>(PropertyId).GetLatestAsync(null, IActivityFeedGrain.Capacity);
        var visible = entries.Where(entry => BookingAccess.CanRead(role) || entry.BookingId is null).ToList();
        return new PropertyActivity(PropertyId, state.State.Details.Name, visible.Count, [.. visible.Take(Math.Max(0, limit))]);
    }

    private PropertyCalendar Calendar(Guid callerId, AccessLevel role, CalendarWindow window)
    {
        var schedule = Schedule;
        var (from, to) = CalendarRules.Resolve(window, CalendarRules.Today(schedule, time.GetUtcNow()));
        var bookings = CalendarRules.Events(state.State.Bookings, PropertyId, schedule, from, to, role);

        // Tasks: task events (PropertyGrain.Tasks.cs) join the booking events, by start.
        ImmutableArray<CalendarEvent> events = [.. bookings.Concat(TaskCalendarEvents(callerId, role, from, to)).OrderBy(item => item.StartAt).ThenBy(item => item.Type)];
        return new PropertyCalendar(PropertyId, state.State.Details.Name, schedule.TimeZone, from, to, events);
    }

    // The booking is stored by now: a feed that cannot be written loses the entry, it does not fail the booking.
    private async Task AppendActivityAsync(ActivityEntry entry)
    {
        try
        {
            await grains.GetGrain<IActivityFeedGrain>(PropertyId).AppendAsync(entry);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogActivityNotRecorded(exception, entry.Kind);
        }
    }

    public async Task<CheckinSnapshot?> GetCheckinAsync(Guid bookingId)
    {
        if (!Exists || !state.State.Bookings.ContainsKey(bookingId))
        {
            return null;
        }

        return await grains.GetGrain<IBookingGrain>(bookingId).GetCheckinAsync(Schedule) is { } checkin ? ToSnapshot(checkin) : null;
    }

    public async Task<CheckinSnapshot> RegisterGuestAsync(Guid bookingId, GuestRegistration guest)
    {
        if (!Exists || !state.State.Bookings.ContainsKey(bookingId))
        {
            throw new NotFoundException("checkin.not_found", "No booking has this check-in code.");
        }

        // SES: the last guest completes the check-in, the guest register's trigger (PropertyGrain.Ses.cs).
        var ses = await SesReportingApplies(tracked: false);
        await WakeSesAsync(bookingId, ses);
        var checkin = await grains.GetGrain<IBookingGrain>(bookingId).RegisterGuestAsync(guest, Schedule);
        await WakeSesAsync(bookingId, ses && checkin.Completed);
        return ToSnapshot(checkin);
    }

    public async Task<CheckinSnapshot> ReplaceGuestAsync(Guid bookingId, Guid guestId, GuestRegistration guest)
    {
        if (!Exists || !state.State.Bookings.ContainsKey(bookingId))
        {
            throw new NotFoundException("checkin.not_found", "No booking has this check-in code.");
        }

        var ses = await SesReportingApplies(tracked: false);
        await WakeSesAsync(bookingId, ses);
        var checkin = await grains.GetGrain<IBookingGrain>(bookingId).ReplaceGuestAsync(guestId, guest, Schedule);
        await WakeSesAsync(bookingId, ses && checkin.Completed);
        return ToSnapshot(checkin);
    }

    public async Task<GuestMatches> FindGuestsAsync(Guid callerId, string? text, int limit)
    {
        if (!TryGetRole(callerId, out var role) || !BookingAccess.SeesGuestData(role))
        {
            return new GuestMatches(0, []);
        }

        var found = await Task.WhenAll(state.State.Bookings.Keys.Select(id => grains.GetGrain<IBookingGrain>(id).FindGuestsAsync(text)));
        var guests = found.SelectMany(guests => guests).ToList();
        return new GuestMatches(guests.Count, [.. CheckinView.NewestFirst(guests).Take(limit)]);
    }

    private CheckinSnapshot ToSnapshot(BookingCheckin checkin)
    {
        var details = state.State.Details;
        var property = new PropertyInfo(
            details.Name,
            details.Address,
            details.City,
            details.ZipCode,
            details.CountryCode,
            details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
            details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
            details.TimeZone ?? PropertyLimits.DefaultTimeZone);
        return new CheckinSnapshot(
            property,
            checkin.From,
            checkin.To,
            checkin.GuestsNumber,
            checkin.CheckinCode,
            checkin.Guests,
            checkin.Completed,
            checkin.Closed,
            checkin.Guests.Any(guest => guest.IsMinor),
            checkin.Missing);
    }

    // Every write bumps the access version, so the grains that serve the property's concerns get the new snapshot from
    // the outbox pass that follows the turn; the reminder is in place before the answer, so a crash loses nothing.
    private async Task SaveChangesAsync()
    {
        state.State.AccessVersion++;
        await _outbox.EnsureReminderAsync();
        await state.SaveAsync(this);
        _outbox.Kick();
    }

    // Booking changes reach the locks before the request is answered, so a code asked for right after finds its booking;
    // when that fails, the outbox pass retries.
    private async Task DeliverNowAsync()
    {
        try
        {
            await PushOutboxAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogOutboxDeferred(exception);
        }
    }

    private async Task<bool> DeliverOutboxAsync()
    {
        await PushOutboxAsync();
        if (_acknowledgedUnsaved)
        {
            await state.SaveAsync(this);
            _acknowledgedUnsaved = false;
        }

        return state.State.AccessDelivered >= state.State.AccessVersion
            && state.State.PendingBookingChanges.Count == 0
            && state.State.PendingMails.Count == 0;
    }

    private async Task PushOutboxAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        var access = PropertyRow.AccessOf(state.State);
        var changes = state.State.PendingBookingChanges.Values.ToImmutableArray();
        var locks = grains.GetGrain<IPropertyLocksGrain>(PropertyId);
        if (state.State.AccessDelivered < access.Version)
        {
            await locks.ApplyAccessAsync(access);
            state.State.AccessDelivered = access.Version;
            _acknowledgedUnsaved = true;
        }

        foreach (var mail in state.State.PendingMails.Values.ToList())
        {
            await grains.GetGrain<IInvitationMailGrain>(mail.InvitationId).SendAsync(mail);
            state.State.PendingMails.Remove(mail.InvitationId);
            _acknowledgedUnsaved = true;
        }

        if (changes.Length > 0)
        {
            await locks.ApplyBookingChangesAsync(changes);
            foreach (var change in changes)
            {
                if (state.State.PendingBookingChanges.TryGetValue(change.BookingId, out var current) && current.Revision == change.Revision)
                {
                    state.State.PendingBookingChanges.Remove(change.BookingId);
                    _acknowledgedUnsaved = true;
                }
            }
        }
    }

    private void QueueBookingChange(Guid bookingId, BookingDetails details) =>
        state.State.PendingBookingChanges[bookingId] =
            BookingChanges.Of(bookingId, state.State.BookingRevisions.GetValueOrDefault(bookingId), details, Schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not deliver the property's outbox at once; the outbox pass retries")]
    private partial void LogOutboxDeferred(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a {Kind} activity entry")]
    private partial void LogActivityNotRecorded(Exception exception, ActivityKind kind);
}
