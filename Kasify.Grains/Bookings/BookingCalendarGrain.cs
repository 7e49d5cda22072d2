using System.Collections.Immutable;
using Kasify.Grains.Activity;
using Kasify.Grains.Calendar;
using Kasify.Grains.Channels;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Bookings;

// Not reentrant: booking changes are decided one at a time against the slots, so two requests never take the same
// nights. Reads are [ReadOnly] and interleave with each other. Calls go to booking, lock, task, SES, account and activity
// grains (mostly from the outbox pass after the answer), never to the property: roles come from its pushed snapshot.
internal sealed class BookingCalendarGrain(
    [PersistentState("bookingCalendar", StorageNames.Kasify)] IPersistentState<BookingCalendarState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    DurableDeliveryOptions deliveryOptions,
    BookingArchiveOptions archiveOptions,
    TimeProvider time,
    ILogger<BookingCalendarGrain> logger) : Grain, IBookingCalendarGrain, IRemindable
{
    private const string OutboxReminder = "calendar-outbox"; // persisted by the reminder provider: never rename

    private PropertyAccess? _access;
    private DurableDelivery _delivery = null!;
    private BookingCalendarOutbox _outbox = null!;
    private BookingCalendarArchive _archive = null!;
    private IGrainTimer _archiveTimer = null!;
    private bool _archivingSoon;

    private Guid PropertyId => this.GetPrimaryKey();

    private PropertySchedule Schedule => _access!.Schedule;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _delivery = new DurableDelivery(this, OutboxReminder, DeliverOutboxAsync, deliveryOptions, logger);
        _outbox = new BookingCalendarOutbox(state.State, grains, PropertyId);
        _archive = new BookingCalendarArchive(state.State, grains, PropertyId);
        _archiveTimer = this.RegisterGrainTimer(_ => MoveEndedStaysAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, archiveOptions.PassPeriod));
        var row = await propertyRow.ReadAsync(PropertyId);
        _access = row is null ? null : PropertyRow.AccessOf(row);
        if (!state.RecordExists && row is not null && row.Bookings.Count > 0)
        {
            // A row written before the calendar had a grain of its own: its bookings become slots here.
            foreach (var (bookingId, details) in row.Bookings)
            {
                state.State.Slots[bookingId] = BookingRules.Compact(details);
                state.State.Revisions[bookingId] = row.BookingRevisions.GetValueOrDefault(bookingId);
            }

            await state.SaveAsync(this);
        }

        // Bookings stored before the guest index existed are asked once to push their guests; this first pass runs before
        // the calendar answers anything, so the guest list is complete once the property's bookings have been read.
        if (!state.State.GuestsIndexed && _outbox.BeginGuestIndexing((await _archive.SlotsFromAsync(null)).Keys))
        {
            await _delivery.EnsureReminderAsync();
            await state.SaveAsync(this);
            await _delivery.DeliverNowAsync();
        }

        // A calendar stored before arrival readiness existed sends its bookings not yet departed once, as changes, so
        // each upcoming arrival gets its checks; the other receivers take a change they already hold as a repeat. A new
        // calendar has nothing to send and stores the flag with its first booking.
        if (!state.State.ReadinessSeeded && _access is not null)
        {
            state.State.ReadinessSeeded = true;
            if (BookingRules.SeedReadiness(state.State, Schedule, time.GetUtcNow()))
            {
                await _delivery.EnsureReminderAsync();
                await state.SaveAsync(this);
            }
        }

        if (!_outbox.IsEmpty)
        {
            _delivery.Kick();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _delivery.Owns(reminderName) ? _delivery.OnReminderAsync() : Task.CompletedTask;

    public Task EnsureMigratedAsync() => Task.CompletedTask;

    public Task<int> GetUndeliveredCountAsync() => Task.FromResult(_outbox.Count);

    public Task<int> ArchiveEndedStaysAsync() => MoveEndedStaysAsync();

    public async Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is not null && access.Version <= _access.Version)
        {
            return;
        }

        var previous = _access;
        _access = access;
        if (previous is null || !BookingCalendarRules.FactsChanged(previous, access))
        {
            return;
        }

        // Bookings show the zone, times and address, and report the establishment: every booking hears of the change,
        // archived ones too, and the upcoming ones' police reports look at it again.
        state.State.PendingFacts.UnionWith((await _archive.SlotsFromAsync(null)).Keys);
        if (BookingCalendarRules.ReportedFactsChanged(previous, access))
        {
            state.State.PendingSesWakes.UnionWith(BookingCalendarRules.Upcoming(state.State.Slots, time.GetUtcNow()));
        }

        await SaveWithOutboxAsync();
    }

    public async Task<BookingDto> CreateBookingAsync(Guid callerId, BookingDetails details)
    {
        var role = RequireEditor(callerId);
        var normalized = BookingRules.Normalize(details);
        BookingRules.EnsureValid(normalized);
        BookingRules.EnsureRoom(state.State.Slots.Values, normalized);
        await EnsureNoOverlapAsync(normalized, self: null);

        var bookingId = Guid.NewGuid();
        var now = time.GetUtcNow();
        Accept(bookingId, revision: 0, normalized, now, BookingActivity.Created(PropertyId, bookingId, callerId, normalized, now));
        await SaveWithOutboxAsync();

        // The booking grain and the locks hear of it before the answer: the client's next call may be for its codes.
        var booking = await _outbox.DeliverWriteAsync(bookingId);
        await _outbox.DeliverChangesToLocksAsync();
        return BookingAccess.ForRole(booking, role);
    }

    public async Task<BookingDto> UpdateBookingAsync(Guid callerId, Guid bookingId, BookingPatch patch)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !(await _archive.HeldAsync([bookingId])).Contains(bookingId))
        {
            throw BookingNotFound();
        }

        if (!BookingAccess.CanEdit(role))
        {
            throw new ForbiddenException("booking.forbidden", "Your role on this property does not allow changing its bookings.");
        }

        // An archived stay is changed like any other once its slot is back here; the next pass archives it again.
        await _archive.BringBackAsync(bookingId, () => state.SaveAsync(this));

        var booking = grains.GetGrain<IBookingGrain>(bookingId);
        var current = await booking.GetForChangeAsync() ?? throw BookingNotFound();
        var merged = BookingRules.Normalize(BookingRules.Apply(current.Details, patch));
        BookingRules.EnsureValid(merged);
        if (merged.GuestsNumber < current.RegisteredGuests)
        {
            throw new ConflictException(
                "booking.guests_below_registered",
                $"{current.RegisteredGuests} guests have already registered; the booking cannot expect fewer.");
        }

        await EnsureNoOverlapAsync(merged, bookingId);
        if (merged == current.Details)
        {
            return BookingAccess.ForRole(await booking.GetAsync() ?? throw BookingNotFound(), role);
        }

        var now = time.GetUtcNow();
        Accept(bookingId, state.State.Revisions.GetValueOrDefault(bookingId) + 1, merged, now,
            BookingActivity.Changed(PropertyId, bookingId, callerId, current.Details, merged, now));
        await SaveWithOutboxAsync();
        return BookingAccess.ForRole(await _outbox.DeliverWriteAsync(bookingId), role);
    }

    // A channel sync acts for nobody in particular: no role to check; the feed grain is the only caller.
    public async Task<ImmutableArray<ChannelImportOutcome>> ImportFromChannelAsync(ChannelImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var outcomes = new List<ChannelImportOutcome>();
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var item in import.Items)
        {
            try
            {
                var current = _access is null ? throw new NotFoundException("property.not_found", "No such property.") : await _archive.DetailsForChangeAsync(item.BookingId, () => state.SaveAsync(this));
                if (ChannelImportRules.Target(current, item, import.Channel) is { } target)
                {
                    target = BookingRules.Normalize(target);
                    BookingRules.EnsureValid(target);
                    if (current is null)
                    {
                        BookingRules.EnsureRoom(state.State.Slots.Values, target);
                    }

                    await EnsureNoOverlapAsync(target, current is null ? null : item.BookingId);
                    Accept(item.BookingId, current is null ? 0 : state.State.Revisions.GetValueOrDefault(item.BookingId) + 1, target, now,
                        current is null
                            ? BookingActivity.Created(PropertyId, item.BookingId, null, target, now)
                            : BookingActivity.Changed(PropertyId, item.BookingId, null, current, target, now),
                        import.CalendarId);
                    changed = true;
                }

                outcomes.Add(new ChannelImportOutcome(item.Uid, item.BookingId, Applied: true, ConflictsWith: null, Problem: null));
            }
            catch (ConflictException conflict) when (conflict.Extensions.TryGetValue("conflicting_booking_id", out var other))
            {
                outcomes.Add(new ChannelImportOutcome(item.Uid, item.BookingId, Applied: false, Guid.Parse(other), conflict.Code));
            }
            catch (KasifyException problem)
            {
                outcomes.Add(new ChannelImportOutcome(item.Uid, item.BookingId, Applied: false, ConflictsWith: null, problem.Code));
            }
        }

        if (changed)
        {
            await SaveWithOutboxAsync();
        }

        return [.. outcomes];
    }

    public Task<ImmutableArray<HeldDates>> GetHeldDatesAsync() => Task.FromResult<ImmutableArray<HeldDates>>(
        [.. state.State.Slots.Where(slot => slot.Value.IsActive).Select(slot => new HeldDates(slot.Key, slot.Value.From, slot.Value.To, slot.Value.Status == BookingStatus.Blocked, slot.Value.Channel))]);

    public async Task<BookingDto?> GetBookingAsync(Guid callerId, Guid bookingId)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !(await _archive.HeldAsync([bookingId])).Contains(bookingId))
        {
            return null;
        }

        EnsureCanRead(role);
        var booking = await grains.GetGrain<IBookingGrain>(bookingId).GetAsync();
        return booking is null ? null : BookingAccess.ForRole(booking, role);
    }

    public async Task<Page<BookingDto>> ListBookingsAsync(Guid callerId, BookingQuery query, PageRequest page)
    {
        var role = RequireRole(callerId);
        EnsureCanRead(role);
        var listings = Page<BookingListing>.Of([.. await FindAsync(query, role)], page);
        var bookings = await LoadAsync(listings.Content.Select(listing => listing.Id), role);
        return new Page<BookingDto>(bookings, listings.PageNumber, listings.Size, listings.TotalElements);
    }

    public async Task<BookingMatches> FindBookingsAsync(Guid callerId, BookingQuery query, int limit)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !BookingAccess.CanRead(role))
        {
            return new BookingMatches(0, []);
        }

        var listings = (await FindAsync(query, role)).ToList();
        return new BookingMatches(listings.Count, [.. listings.Take(limit)]);
    }

    public async Task<ImmutableArray<BookingDto>> GetBookingsAsync(Guid callerId, ImmutableArray<Guid> bookingIds)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !BookingAccess.CanRead(role))
        {
            return [];
        }

        var held = await _archive.HeldAsync(bookingIds);
        return await LoadAsync(bookingIds.Where(held.Contains), role);
    }

    public async Task<BookingDto?> GetCurrentBookingAsync(Guid callerId)
    {
        var role = RequireRole(callerId);
        EnsureCanRead(role);
        if (BookingRules.FindCurrent(state.State.Slots, Schedule, time.GetUtcNow()) is not { } bookingId)
        {
            return null;
        }

        var booking = await grains.GetGrain<IBookingGrain>(bookingId).GetAsync();
        return booking is null ? null : BookingAccess.ForRole(booking, role);
    }

    public async Task<PropertyCalendar> GetCalendarAsync(Guid callerId, CalendarWindow window) =>
        await CalendarAsync(callerId, RequireRole(callerId), window);

    public async Task<PropertyCalendar?> FindCalendarAsync(Guid callerId, CalendarWindow window) =>
        _access is not null && _access.TryGetRole(callerId, out var role) ? await CalendarAsync(callerId, role, window) : null;

    public async Task<ImmutableArray<TimelineEvent>> GetUpcomingAsync(Guid callerId, int days)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role))
        {
            return [];
        }

        var schedule = Schedule;
        var today = CalendarRules.Today(schedule, time.GetUtcNow());
        var bookings = CalendarRules.Upcoming(state.State.Slots, PropertyId, _access.Details.Name, schedule, today, days, role);
        var tasks = await grains.GetGrain<IPropertyTasksGrain>(PropertyId).GetTimelineEventsAsync(callerId, today, days);
        return [.. bookings.Concat(tasks).OrderBy(item => item.At).ThenBy(item => item.Type)];
    }

    public async Task EraseAllAsync()
    {
        // Guests' identity data goes with the property: nothing keeps it reachable, so nothing may keep it stored.
        _archiveTimer.Dispose();
        foreach (var bookingId in state.State.Slots.Keys.ToList())
        {
            await grains.GetGrain<IBookingGrain>(bookingId).EraseAsync();
        }

        await _archive.EraseAsync();
        state.State.Slots.Clear(); // a call queued before deactivation must not move or show what is gone
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        DeactivateOnIdle();
    }

    // The slot and what the change owes everyone else, in the same write.
    private void Accept(Guid bookingId, long revision, BookingDetails details, DateTimeOffset now, Interfaces.Activity.ActivityEntry? entry, string? source = null)
    {
        state.State.Slots[bookingId] = BookingRules.Compact(details);
        state.State.Revisions[bookingId] = revision;
        state.State.PendingWrites[bookingId] = new BookingWrite(PropertyId, revision, details, now, source);
        state.State.PendingChanges[bookingId] = BookingChanges.Of(bookingId, revision, details, Schedule);
        state.State.PendingSesWakes.Add(bookingId);
        if (entry is not null)
        {
            state.State.PendingFeed.Add(entry);
        }

        // History being entered moves out soon, not at the next daily pass, so a backfill of years cannot grow the row.
        MoveSoonIf(BookingArchiveRules.IsDue(details, ArchiveCutoff));
    }

    private DateOnly ArchiveCutoff => BookingArchiveRules.Cutoff(time.GetUtcNow(), archiveOptions.ArchiveAfter);

    private async Task<int> MoveEndedStaysAsync()
    {
        _archivingSoon = false;
        var cutoff = ArchiveCutoff;
        var moved = await _archive.MoveAsync(cutoff, () => state.SaveAsync(this));

        // Stays whose change was still being delivered go on a later pass, not a day later.
        MoveSoonIf(_archive.HasDue(cutoff));
        return moved;
    }

    private void MoveSoonIf(bool due)
    {
        if (due && !_archivingSoon)
        {
            _archivingSoon = true;
            _archiveTimer.Change(archiveOptions.BackfillDelay, archiveOptions.PassPeriod);
        }
    }

    private async Task SaveWithOutboxAsync()
    {
        await _delivery.EnsureReminderAsync();
        await state.SaveAsync(this);
        _delivery.Kick();
    }

    private async Task<bool> DeliverOutboxAsync()
    {
        if (await _outbox.DeliverAsync(_access))
        {
            await state.SaveAsync(this);
        }

        return _outbox.IsEmpty;
    }

    private async Task<PropertyCalendar> CalendarAsync(Guid callerId, AccessLevel role, CalendarWindow window)
    {
        var schedule = Schedule;
        var (from, to) = CalendarRules.Resolve(window, CalendarRules.Today(schedule, time.GetUtcNow()));
        var bookings = CalendarRules.Events(await _archive.SlotsTouchingAsync(from, to), PropertyId, schedule, from, to, role);
        var tasks = await grains.GetGrain<IPropertyTasksGrain>(PropertyId).GetCalendarEventsAsync(callerId, from, to);
        ImmutableArray<CalendarEvent> events = [.. bookings.Concat(tasks).OrderBy(item => item.StartAt).ThenBy(item => item.Type)];
        return new PropertyCalendar(PropertyId, _access!.Details.Name, schedule.TimeZone, from, to, events);
    }

    // Contact data, notes and requests are only in the booking grains: a text search that may look at them asks those.
    private async Task<IEnumerable<BookingListing>> FindAsync(BookingQuery query, AccessLevel role)
    {
        var seesGuestData = BookingAccess.SeesGuestData(role);
        var slots = await _archive.SlotsFromAsync(query.From);
        var candidates = slots.Where(entry => BookingSearch.Matches(entry.Value, query with { Text = null }, seesGuestData));
        if (!string.IsNullOrWhiteSpace(query.Text) && seesGuestData)
        {
            var full = await Task.WhenAll(candidates.Select(async entry =>
                (entry.Key, Details: (await grains.GetGrain<IBookingGrain>(entry.Key).GetForChangeAsync())?.Details ?? entry.Value)));
            candidates = [.. full.Select(entry => KeyValuePair.Create(entry.Key, entry.Details))];
        }

        return BookingSearch.Find(candidates.ToDictionary(), PropertyId, Schedule, query, seesGuestData);
    }

    private async Task<ImmutableArray<BookingDto>> LoadAsync(IEnumerable<Guid> bookingIds, AccessLevel role)
    {
        var bookings = await Task.WhenAll(bookingIds.Select(id => grains.GetGrain<IBookingGrain>(id).GetAsync()));
        return [.. bookings.OfType<BookingDto>().Select(booking => BookingAccess.ForRole(booking, role))];
    }

    // Stays may be entered in the past, so a candidate reaching archived dates is checked against those archives too.
    private async Task EnsureNoOverlapAsync(BookingDetails candidate, Guid? self)
    {
        var slots = candidate.IsActive ? await _archive.SlotsTouchingAsync(candidate.From, candidate.To) : state.State.Slots;
        if (BookingRules.FindOverlap(slots, candidate, self) is { } conflicting)
        {
            throw BookingRules.OverlapConflict(conflicting);
        }
    }

    private AccessLevel RequireRole(Guid callerId) =>
        _access is not null && _access.TryGetRole(callerId, out var role)
            ? role
            : throw new NotFoundException("property.not_found", "No such property.");

    private AccessLevel RequireEditor(Guid callerId)
    {
        var role = RequireRole(callerId);
        return BookingAccess.CanEdit(role)
            ? role
            : throw new ForbiddenException("booking.forbidden", "Your role on this property does not allow changing its bookings.");
    }

    private static void EnsureCanRead(AccessLevel role)
    {
        if (!BookingAccess.CanRead(role))
        {
            throw new ForbiddenException("booking.forbidden", "Your role on this property does not include its bookings.");
        }
    }

    private static NotFoundException BookingNotFound() => new("booking.not_found", "No such booking.");
}
