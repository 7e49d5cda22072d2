using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Kasify.Grains.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Kasify.Grains.Channels;

// Not reentrant: one change at a time. Calls go to the feed grains (configure, status: never a fetch), the booking
// calendar (held nights), the export token index and the activity feed; none of them calls back.
internal sealed class PropertyChannelsGrain(
    [PersistentState("propertyChannels", StorageNames.Kasify)] IPersistentState<PropertyChannelsState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    ChannelFeedOptions options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time) : Grain, IPropertyChannelsGrain, IRemindable
{
    /// <summary>The calendar id of the property's <c>airbnb_ical_url</c>.</summary>
    public const string AirbnbCalendarId = "airbnb";

    /// <summary>The calendar id of the property's <c>booking_ical_url</c>.</summary>
    public const string BookingCalendarId = "booking";

    private const string AddedPrefix = "cal-";
    private const int MaxAddedCalendars = 10;
    private const string SilenceReminder = "channel-export-silence"; // persisted by the reminder provider: never rename

    private PropertyAccess? _access;
    private bool _silenceCheckRegistered;

    private Guid PropertyId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var row = await propertyRow.ReadAsync(PropertyId);
        _access = row is null ? null : PropertyRow.AccessOf(row);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SilenceReminder)
        {
            return;
        }

        if (state.State.Fetches.Count == 0)
        {
            // Nothing to watch (the property was deleted, or its fetches were forgotten): the next export fetch registers it again.
            await StopSilenceWatchAsync();
            return;
        }

        if (status.Period != SilencePeriod)
        {
            // Registered under another threshold or reminder minimum (configuration changed): the new period applies from now.
            await this.RegisterOrUpdateReminder(SilenceReminder, SilencePeriod, SilencePeriod);
        }

        var now = time.GetUtcNow();
        foreach (var (channel, lastFetch) in ChannelExposureRules.NewlySilent(state.State.Fetches, state.State.SilenceReported, now, options.ExportStaleAfter))
        {
            state.State.SilenceReported[channel] = lastFetch;
            state.State.PendingFeed.Add(ChannelActivity.Silent(PropertyId, channel, lastFetch, now));
        }

        await SaveAndDeliverAsync();
    }

    public async Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is not null && access.Version < _access.Version)
        {
            return;
        }

        _access = access;
        var wanted = new Dictionary<string, ChannelCalendarSettings>(StringComparer.Ordinal);
        if (!access.Deleted)
        {
            var zone = access.Schedule.TimeZone;
            AddIfSet(wanted, AirbnbCalendarId, access.Details.AirbnbIcalUrl, ChannelCalendarChannel.Airbnb, zone);
            AddIfSet(wanted, BookingCalendarId, access.Details.BookingIcalUrl, ChannelCalendarChannel.Booking, zone);
            foreach (var (calendarId, added) in state.State.Calendars.Where(entry => entry.Key.StartsWith(AddedPrefix, StringComparison.Ordinal)))
            {
                wanted[calendarId] = added with { TimeZone = zone };
            }

            foreach (var (calendarId, reading) in state.State.Readings)
            {
                if (wanted.TryGetValue(calendarId, out var settings))
                {
                    wanted[calendarId] = settings with { Reading = reading };
                }
            }
        }
        else if (state.State.ExportToken is { } token)
        {
            await grains.GetGrain<IChannelExportTokenGrain>(token).ClearAsync();
        }

        // Feed grains are told first and the list saved after: a crash in between repeats idempotent calls.
        var changed = false;
        foreach (var (calendarId, settings) in wanted)
        {
            if (!state.State.Calendars.TryGetValue(calendarId, out var current) || current != settings)
            {
                await Calendar(calendarId).ConfigureAsync(settings);
                state.State.Calendars[calendarId] = settings;
                changed = true;
            }
        }

        foreach (var calendarId in state.State.Calendars.Keys.Where(id => !wanted.ContainsKey(id)).ToList())
        {
            await Calendar(calendarId).RemoveAsync();
            state.State.Calendars.Remove(calendarId);
            changed = true;
        }

        if (access.Deleted)
        {
            // Nothing of a deleted property's channels is kept: not its export fetches, not its token, not the silence watch.
            await StopSilenceWatchAsync();
            if (state.RecordExists)
            {
                await state.ClearAsync(this);
            }

            state.State = new PropertyChannelsState();
        }
        else if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    public async Task<ImmutableArray<ChannelCalendarStatus>> GetCalendarsAsync(Guid callerId)
    {
        RequireManager(callerId);
        return await StatusesAsync(state.State.Calendars.Keys);
    }

    public Task<ImmutableArray<string>> ResolveForSyncAsync(Guid callerId, string channelOrId)
    {
        RequireManager(callerId);
        ImmutableArray<string> matching =
        [
            .. state.State.Calendars
                .Where(entry => string.Equals(entry.Key, channelOrId, StringComparison.Ordinal)
                    || string.Equals(entry.Value.Channel.ToString(), channelOrId, StringComparison.OrdinalIgnoreCase))
                .Select(entry => entry.Key)
                .Order(StringComparer.Ordinal),
        ];
        return Task.FromResult(matching);
    }

    public async Task<ChannelCalendarStatus> AddCalendarAsync(Guid callerId, NewChannelCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var access = RequireManager(callerId);
        if (state.State.Calendars.Keys.Count(id => id.StartsWith(AddedPrefix, StringComparison.Ordinal)) >= MaxAddedCalendars)
        {
            throw new ConflictException("calendar.limit", $"A property imports at most {MaxAddedCalendars} added calendars.");
        }

        if (state.State.Calendars.Values.Any(existing => string.Equals(existing.Url, calendar.Url, StringComparison.Ordinal)))
        {
            throw new ConflictException("calendar.duplicate", "The property already imports this calendar.");
        }

        var calendarId = AddedPrefix + Guid.NewGuid().ToString("N")[..12];
        var settings = new ChannelCalendarSettings(calendar.Url, calendar.Channel, calendar.Reading, access.Schedule.TimeZone);
        await Calendar(calendarId).ConfigureAsync(settings);
        state.State.Calendars[calendarId] = settings;
        await state.SaveAsync(this);
        return await Calendar(calendarId).GetStatusAsync();
    }

    public async Task<ChannelCalendarStatus> SetReadingAsync(Guid callerId, string calendarId, ChannelEventReading reading)
    {
        RequireManager(callerId);
        if (!state.State.Calendars.TryGetValue(calendarId, out var settings))
        {
            throw new NotFoundException("calendar.not_found", "The property has no such calendar.");
        }

        var changed = settings with { Reading = reading };
        await Calendar(calendarId).ConfigureAsync(changed);
        state.State.Calendars[calendarId] = changed;
        state.State.Readings[calendarId] = reading;
        await state.SaveAsync(this);
        return await Calendar(calendarId).GetStatusAsync();
    }

    public async Task RemoveCalendarAsync(Guid callerId, string calendarId)
    {
        RequireManager(callerId);
        if (!state.State.Calendars.ContainsKey(calendarId))
        {
            throw new NotFoundException("calendar.not_found", "The property has no such calendar.");
        }

        if (!calendarId.StartsWith(AddedPrefix, StringComparison.Ordinal))
        {
            throw new ConflictException(
                "calendar.from_property", $"This calendar comes from the property's {calendarId}_ical_url: set that field to null to stop it.");
        }

        await Calendar(calendarId).RemoveAsync();
        state.State.Calendars.Remove(calendarId);
        state.State.Readings.Remove(calendarId);
        await state.SaveAsync(this);
    }

    public async Task<ChannelExposure> GetExposureAsync(Guid callerId)
    {
        RequireManager(callerId);
        await EnsureExportTokenAsync();
        var held = await grains.GetGrain<IBookingCalendarGrain>(PropertyId).GetHeldDatesAsync();
        var statuses = await StatusesAsync(state.State.Calendars.Keys);
        var channels = state.State.Calendars.Values.Select(settings => settings.Channel).Concat(state.State.Fetches.Keys).Distinct().Order();
        ImmutableArray<ChannelExposureRow> rows =
        [
            .. channels.Select(channel =>
            {
                var fetch = state.State.Fetches.GetValueOrDefault(channel);
                return new ChannelExposureRow(
                    channel,
                    [.. statuses.Where(status => status.Settings?.Channel == channel)],
                    fetch?.At,
                    fetch?.UserAgent,
                    [.. ChannelExposureRules.Unseen(held, channel, fetch)]);
            }),
        ];
        return new ChannelExposure(state.State.ExportToken!, rows);
    }

    public async Task<ChannelExposure> RotateExportTokenAsync(Guid callerId)
    {
        RequireManager(callerId);
        if (state.State.ExportToken is { } old)
        {
            await grains.GetGrain<IChannelExportTokenGrain>(old).ClearAsync();
            state.State.ExportToken = null;
        }

        return await GetExposureAsync(callerId);
    }

    public async Task<ChannelExport?> ExportAsync(string token, string? userAgent)
    {
        if (_access is null || _access.Deleted || state.State.ExportToken is not { } current
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(token ?? "")))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var exported = (await grains.GetGrain<IBookingCalendarGrain>(PropertyId).GetHeldDatesAsync())
            .Select(held => new ExportedStay(held.BookingId, held.From, held.To, held.Blocked))
            .OrderBy(stay => stay.From).ThenBy(stay => stay.BookingId)
            .ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', exported))));
        if (hash != state.State.ExportHash)
        {
            state.State.ExportHash = hash;
            state.State.ExportChangedAt = now;
        }

        var agent = userAgent is { Length: > 200 } ? userAgent[..200] : userAgent;
        state.State.Fetches[ChannelExposureRules.Recognize(agent)] = new ExportFetch(now, agent, exported);
        await EnsureSilenceCheckAsync();
        await SaveAndDeliverAsync();
        var changedAt = state.State.ExportChangedAt!.Value;
        return new ChannelExport(ChannelExportWriter.Write(exported, changedAt), $"\"{hash[..32]}\"", changedAt);
    }

    // A silence is reported at most a quarter of the threshold (an hour at most) after it passes, so a short threshold is
    // not reported hours late; the reminder service refuses periods below its minimum, hence the clamp.
    private TimeSpan SilencePeriod => TimeSpan.FromTicks(Math.Max(
        Math.Min(TimeSpan.FromHours(1).Ticks, options.ExportStaleAfter.Ticks / 4),
        reminderOptions.Value.MinimumReminderPeriod.Ticks));

    // Registering again sets the next tick one period from now, so registering on every fetch would let a channel that
    // fetches more often than the period keep the check from ever running, and another channel's silence unreported.
    // It is registered only when missing (looked up once per activation); a changed period is applied at the next tick.
    private async Task EnsureSilenceCheckAsync()
    {
        if (_silenceCheckRegistered)
        {
            return;
        }

        if (await this.GetReminder(SilenceReminder) is null)
        {
            await this.RegisterOrUpdateReminder(SilenceReminder, SilencePeriod, SilencePeriod);
        }

        _silenceCheckRegistered = true;
    }

    private async Task EnsureExportTokenAsync()
    {
        if (state.State.ExportToken is not null)
        {
            return;
        }

        // Index first, then the row: a crash in between leaves an index entry no row names, which exports nothing.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await grains.GetGrain<IChannelExportTokenGrain>(token).SetAsync(PropertyId);
        state.State.ExportToken = token;
        await state.SaveAsync(this);
    }

    private async Task SaveAndDeliverAsync()
    {
        await state.SaveAsync(this);
        if (state.State.PendingFeed.Count > 0)
        {
            await PendingActivity.DeliverAsync(grains, PropertyId, state.State.PendingFeed);
            await state.SaveAsync(this);
        }
    }

    private async Task<ImmutableArray<ChannelCalendarStatus>> StatusesAsync(IEnumerable<string> calendarIds) =>
        [.. await Task.WhenAll(calendarIds.Order(StringComparer.Ordinal).Select(id => Calendar(id).GetStatusAsync()))];

    private static void AddIfSet(Dictionary<string, ChannelCalendarSettings> wanted, string calendarId, string? url, ChannelCalendarChannel channel, string zone)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            wanted[calendarId] = new ChannelCalendarSettings(url, channel, ChannelEventReading.Auto, zone);
        }
    }

    private PropertyAccess RequireManager(Guid callerId)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role))
        {
            throw new NotFoundException("property.not_found", "No such property.");
        }

        return PropertyRules.CanEdit(role)
            ? _access
            : throw new ForbiddenException("calendar.forbidden", "Only the property's owner and managers manage its channel calendars.");
    }

    private IChannelCalendarGrain Calendar(string calendarId) => grains.GetGrain<IChannelCalendarGrain>(PropertyId, calendarId);

    private async Task StopSilenceWatchAsync()
    {
        if (await this.GetReminder(SilenceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _silenceCheckRegistered = false;
    }
}
