using Kasify.Grains.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kasify.Grains.Channels;

// Reentrant so that status reads never wait for a fetch: only the sync (one at a time, _sync) changes the events, and it
// runs whole as one task; configure and remove change the settings, which the next sync reads.
[Reentrant]
internal sealed class ChannelCalendarGrain(
    [PersistentState("channelCalendar", StorageNames.Kasify)] IPersistentState<ChannelCalendarState> state,
    IGrainFactory grains,
    IChannelFeedClient client,
    PropertyRow propertyRow,
    ChannelFeedOptions options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<ChannelCalendarGrain> logger) : Grain, IChannelCalendarGrain, IRemindable
{
    private const string SyncReminder = "channel-sync"; // persisted by the reminder provider: never rename

    private Task<ChannelCalendarStatus>? _sync;

    private Guid PropertyId => this.GetPrimaryKey(out _);

    private string CalendarId
    {
        get
        {
            this.GetPrimaryKey(out var calendarId);
            return calendarId!;
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PendingImport is not null || state.State.PendingFeed.Count > 0 || state.State.PendingMails.Count > 0)
        {
            // A sync cut short by a lost silo: its changes were stored before they were applied.
            this.RegisterGrainTimer(_ => SyncNowAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SyncReminder)
        {
            return;
        }

        if (state.State.Settings is null)
        {
            await UnregisterAsync();
            return;
        }

        await SyncNowAsync();
    }

    public async Task ConfigureAsync(ChannelCalendarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (state.State.Settings is { } current && current == settings)
        {
            return;
        }

        // Another address, reading or zone: the next answer must be read whole whatever the channel says changed.
        state.State.Validators = null;

        state.State.Settings = settings;
        var period = options.SyncPeriod > reminderOptions.Value.MinimumReminderPeriod ? options.SyncPeriod : reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(SyncReminder, period, period);
        await state.SaveAsync(this);

        // The first sync follows the answer, so whoever configured (the property's registry) never waits for a channel.
        this.RegisterGrainTimer(_ => SyncNowAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    public async Task RemoveAsync()
    {
        await UnregisterAsync();
        state.State.Settings = null;
        state.State.Known.Clear();
        state.State.Conflicts.Clear();
        state.State.Validators = null;
        await state.SaveAsync(this);
    }

    public Task<ChannelCalendarStatus> SyncNowAsync()
    {
        if (_sync is { IsCompleted: false } running)
        {
            return running;
        }

        _sync = SyncAsync();
        return _sync;
    }

    public Task<ChannelCalendarStatus> GetStatusAsync() => Task.FromResult(Status());

    private async Task<ChannelCalendarStatus> SyncAsync()
    {
        await ApplyPendingAsync();
        if (state.State.Settings is not { } settings)
        {
            return Status();
        }

        // With conflicts waiting, the calendar is read whole even if unchanged: their nights may have freed since.
        var now = time.GetUtcNow();
        using var cancellation = new CancellationTokenSource(options.FetchTimeout + TimeSpan.FromSeconds(5));
        var fetch = Uri.TryCreate(settings.Url, UriKind.Absolute, out var url)
            ? await client.FetchAsync(url, state.State.Conflicts.Count > 0 ? null : state.State.Validators, cancellation.Token)
            : new ChannelFetchResult(ChannelFetchOutcome.Failed, null, null, null, "feed.bad_url", "The calendar URL is not an absolute URL.");
        state.State.LastFetchAt = now;
        ChannelReconcilePlan plan;
        if (fetch.Outcome == ChannelFetchOutcome.NotModified)
        {
            plan = SameAsBefore();
        }
        else
        {
            // Property zones are validated IANA ids; one this machine lacks reads as UTC rather than stopping the sync.
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var read = fetch.Outcome == ChannelFetchOutcome.Fetched
                ? ChannelFeedReader.Read(fetch.Text ?? "", ChannelCalendarRules.KindOf(settings.Channel), ChannelCalendarRules.ReadingOf(settings.Reading),
                    zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime))
                : null;
            if (read is not { Usable: true })
            {
                // The last good calendar stays in force: a channel answering nothing, an error or a login page never
                // cancels a booking.
                await FailAsync(fetch.ProblemCode ?? read?.ProblemCode ?? "feed.unusable", fetch.ProblemText ?? read?.ProblemText ?? "The calendar could not be read.", now);
                return Status();
            }

            state.State.Validators = fetch.Validators;
            var own = state.State.Known.Values.Select(known => known.BookingId).ToHashSet();
            var others = (await grains.GetGrain<IBookingCalendarGrain>(PropertyId).GetHeldDatesAsync())
                .Where(held => !own.Contains(held.BookingId))
                .Select(held => new PropertyStay(held.BookingId, held.From, held.To))
                .ToList();
            plan = ChannelReconciler.Plan(state.State.Known.Values, read, others);
            foreach (var uid in state.State.Conflicts.Keys.Where(uid => !read.Events.Any(e => e.Uid == uid)).ToList())
            {
                state.State.Conflicts.Remove(uid); // the channel no longer claims those nights
            }
        }

        foreach (var kept in plan.Missing.Concat(plan.Unchanged))
        {
            state.State.Known[kept.Uid] = kept;
        }

        var (items, known) = ChannelCalendarRules.ImportOf(plan, PropertyId, CalendarId);

        // An event refused for taken nights is not in Known, so every sync plans it again (the other booking may be gone).
        state.State.PendingImport = new ChannelImport(CalendarId, ChannelCalendarRules.BookingChannelOf(settings.Channel), [.. items]);
        state.State.PendingKnown = known;
        state.State.LastSuccessAt = now;
        state.State.LastErrorCode = null;
        state.State.LastError = null;
        await state.SaveAsync(this);
        await ApplyPendingAsync();
        return Status();
    }

    // Applies the stored changes, then keeps what the calendar took; what it refused for taken nights is a conflict.
    private async Task ApplyPendingAsync()
    {
        if (state.State.PendingImport is { } import)
        {
            var outcomes = import.Items.IsEmpty ? [] : await grains.GetGrain<IBookingCalendarGrain>(PropertyId).ImportFromChannelAsync(import);
            var now = time.GetUtcNow();
            var refused = new List<(ChannelImportItem Item, Guid HeldBy)>();
            foreach (var (item, outcome) in import.Items.Zip(outcomes))
            {
                if (outcome.Applied)
                {
                    state.State.Conflicts.Remove(item.Uid);
                    if (item.Action == ChannelImportAction.Cancel)
                    {
                        state.State.Known.Remove(item.Uid);
                    }
                    else if (state.State.PendingKnown.TryGetValue(item.Uid, out var taken))
                    {
                        state.State.Known[item.Uid] = taken;
                    }
                }
                else if (outcome.ConflictsWith is { } other && !state.State.Conflicts.ContainsKey(item.Uid))
                {
                    state.State.Conflicts[item.Uid] = new ChannelConflict(item.Uid, item.From, item.To, item.Closure, other, now);
                    state.State.PendingFeed.Add(ChannelActivity.Conflict(PropertyId, item, other, now));
                    refused.Add((item, other));
                }
                else if (outcome.ConflictsWith is null)
                {
                    logger.LogWarning("Channel calendar {CalendarId} of property {PropertyId}: event not applied ({Problem})", CalendarId, PropertyId, outcome.Problem);
                }
            }

            await AddConflictMailsAsync(refused, now);
            state.State.PendingImport = null;
            state.State.PendingKnown = [];
            await state.SaveAsync(this);
        }

        if (state.State.PendingFeed.Count > 0 || state.State.PendingMails.Count > 0)
        {
            await PendingActivity.DeliverAsync(grains, PropertyId, state.State.PendingFeed);
            foreach (var mail in state.State.PendingMails.ToList())
            {
                await grains.GetGrain<IChannelConflictMailGrain>(mail.MailId).SendAsync(mail);
                state.State.PendingMails.Remove(mail);
            }

            await state.SaveAsync(this);
        }
    }

    // The owner is read from the property's stored row (as the channel registry starts from it), only when a sync found
    // new conflicts; a property already gone has nobody to tell.
    private async Task AddConflictMailsAsync(List<(ChannelImportItem Item, Guid HeldBy)> refused, DateTimeOffset now)
    {
        if (refused.Count == 0)
        {
            return;
        }

        if (await propertyRow.ReadAsync(PropertyId) is not { Deleted: false } row)
        {
            logger.LogWarning("Channel calendar {CalendarId} of property {PropertyId}: no owner to email about {Count} conflicts, the property is gone", CalendarId, PropertyId, refused.Count);
            return;
        }

        var property = PropertyRow.AccessOf(row);
        var channel = state.State.Settings?.Channel ?? ChannelCalendarChannel.Other;
        state.State.PendingMails.AddRange(refused.Select(conflict =>
            ChannelConflictMails.For(property, PropertyId, CalendarId, channel, conflict.Item, conflict.HeldBy, now)));
    }

    // A 304: the calendar is the one read last time, so events missing then are missing again.
    private ChannelReconcilePlan SameAsBefore()
    {
        var known = state.State.Known.Values.OrderBy(e => e.Arrival).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
        return new ChannelReconcilePlan(
            [], [], [.. known.Where(e => e.MissedFetches >= 1)], [], [.. known.Where(e => e.MissedFetches == 0)], []);
    }

    private async Task FailAsync(string code, string text, DateTimeOffset now)
    {
        if (state.State.LastErrorCode != code)
        {
            state.State.PendingFeed.Add(ChannelActivity.Failed(PropertyId, CalendarId, code, now));
        }

        state.State.LastErrorCode = code;
        state.State.LastError = text;
        await state.SaveAsync(this);
        await ApplyPendingAsync();
    }

    private async Task UnregisterAsync()
    {
        if (await this.GetReminder(SyncReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ChannelCalendarStatus Status() => new(
        CalendarId,
        state.State.Settings,
        state.State.LastFetchAt,
        state.State.LastSuccessAt,
        state.State.Known.Count,
        state.State.LastErrorCode,
        state.State.LastError,
        [.. state.State.Conflicts.Values.OrderBy(conflict => conflict.From)]);
}
