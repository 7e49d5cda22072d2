using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Channels;

internal sealed class PropertyChannelsGrain(
    [PersistentState("propertyChannels", StorageNames.Kasify)] IPersistentState<PropertyChannelsState> state,
    IGrainFactory grains,
    PropertyRow propertyRow) : Grain, IPropertyChannelsGrain
{
    /// <summary>The calendar id of the property's <c>airbnb_ical_url</c>.</summary>
    public const string AirbnbCalendarId = "airbnb";

    /// <summary>The calendar id of the property's <c>booking_ical_url</c>.</summary>
    public const string BookingCalendarId = "booking";

    private PropertyAccess? _access;

    private Guid PropertyId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var row = await propertyRow.ReadAsync(PropertyId);
        _access = row is null ? null : PropertyRow.AccessOf(row);
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

        if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    public async Task<ImmutableArray<ChannelCalendarStatus>> GetCalendarsAsync(Guid callerId)
    {
        RequireManager(callerId);
        var statuses = await Task.WhenAll(state.State.Calendars.Keys.Order(StringComparer.Ordinal).Select(id => Calendar(id).GetStatusAsync()));
        return [.. statuses];
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

    private static void AddIfSet(Dictionary<string, ChannelCalendarSettings> wanted, string calendarId, string? url, ChannelCalendarChannel channel, string zone)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            wanted[calendarId] = new ChannelCalendarSettings(url, channel, ChannelEventReading.Auto, zone);
        }
    }

    private void RequireManager(Guid callerId)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role))
        {
            throw new NotFoundException("property.not_found", "No such property.");
        }

        if (!PropertyRules.CanEdit(role))
        {
            throw new ForbiddenException("calendar.forbidden", "Only the property's owner and managers manage its channel calendars.");
        }
    }

    private IChannelCalendarGrain Calendar(string calendarId) => grains.GetGrain<IChannelCalendarGrain>(PropertyId, calendarId);
}
