using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Kasify.Grains.Channels;

/// <summary>
/// Reads a channel's iCal export into events in the property's dates. Never throws: a feed it cannot trust comes back
/// Usable=false, so the grain keeps the last good one in force instead of cancelling bookings.
/// </summary>
public static class ChannelFeedReader
{
    public const int MaxOccurrencesPerEvent = 1_000;
    public const int MaxEventsPerFeed = 5_000;
    public const int HistoryDays = 365;
    public const int RecurrenceDaysBack = 30;
    public const int RecurrenceDaysAhead = 540;

    private sealed class TooManyEvents : Exception;

    public static ChannelFeedReadResult Read(
        string text, ChannelFeedKind channel, FeedEventReading reading, TimeZoneInfo propertyZone, DateOnly today)
    {
        var scan = ChannelFeedText.Check(text);
        if (scan.Problem is { } problem)
        {
            return problem with { ReadOn = today };
        }

        IcalCalendar? calendar;
        try
        {
            calendar = IcalCalendar.Load(string.Join("\r\n", scan.Lines));
        }
        catch (Exception exception)
        {
            // Ical.Net's parser throws a variety of types on malformed input; every one of them means the same here.
            return Unparsable($"Ical.Net could not read the calendar: {exception.GetType().Name}.", today);
        }

        if (calendar is null)
        {
            return Unparsable("Ical.Net found no calendar in the feed.", today);
        }

        var events = calendar.Events.ToList();
        if (events.Count != scan.EventUids.Count)
        {
            return Unparsable($"The feed lists {scan.EventUids.Count} events but {events.Count} could be read.", today);
        }

        var context = new Context(channel, reading, propertyZone, today);
        try
        {
            return ReadEvents(events, scan.EventUids, context) with { ReadOn = today };
        }
        catch (TooManyEvents)
        {
            return Failed(ChannelFeedReadResult.TooManyEvents, $"The feed holds more than {MaxEventsPerFeed} events.", today);
        }
        catch (Exception exception)
        {
            // Dates, zones and recurrence rules are only evaluated here, and can fail on input the parser accepted.
            return Unparsable($"An event could not be evaluated: {exception.GetType().Name}.", today);
        }
    }

    private sealed record Context(ChannelFeedKind Channel, FeedEventReading Reading, TimeZoneInfo Zone, DateOnly Today)
    {
        public DateOnly HistoryLimit => Today.AddDays(-HistoryDays);

        public DateOnly RecurrenceFrom => Today.AddDays(-RecurrenceDaysBack);

        public DateOnly RecurrenceTo => Today.AddDays(RecurrenceDaysAhead);
    }

    private static ChannelFeedReadResult ReadEvents(List<IcalEvent> events, IReadOnlyList<string?> rawUids, Context context)
    {
        var uids = events.Select((calendarEvent, index) => rawUids[index] ?? DerivedUid(calendarEvent)).ToList();
        var read = new List<ChannelEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < events.Count; index++)
        {
            var calendarEvent = events[index];
            if (calendarEvent.RecurrenceIdentifier is not null || !seen.Add(uids[index]))
            {
                // Overrides of single occurrences are applied with their series; a repeated UID keeps its first event.
                continue;
            }

            if (calendarEvent.DtStart is null)
            {
                throw new FormatException($"Event {uids[index]} has no DTSTART.");
            }

            if (calendarEvent.RecurrenceRule is not null || calendarEvent.RecurrenceDates.GetAllPeriods().Any())
            {
                var overrides = Enumerable.Range(0, events.Count)
                    .Where(other => events[other].RecurrenceIdentifier is not null && uids[other] == uids[index])
                    .Select(other => events[other])
                    .ToList();
                AddSeries(read, uids[index], calendarEvent, overrides, context);
            }
            else if (!IsCancelled(calendarEvent) && ToChannelEvent(uids[index], calendarEvent, calendarEvent.DtStart, null, context) is { } single
                && single.Departure >= context.HistoryLimit)
            {
                Add(read, single);
            }
        }

        var ordered = read.OrderBy(e => e.Arrival).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
        return ChannelFeedReadResult.Read(ordered, isEmptyCalendar: events.Count == 0);
    }

    private static void AddSeries(List<ChannelEvent> read, string uid, IcalEvent series, List<IcalEvent> overrides, Context context)
    {
        var byDay = new SortedDictionary<DateOnly, ChannelEvent>();
        var from = new CalDateTime(context.RecurrenceFrom.AddDays(-2));
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = MaxOccurrencesPerEvent };
        var count = 0;
        try
        {
            foreach (var occurrence in series.GetOccurrences(from, options))
            {
                var start = occurrence.Period.StartTime;
                var arrival = ChannelEventDates.LocalDate(start, context.Zone);
                if (arrival > context.RecurrenceTo || count >= MaxOccurrencesPerEvent)
                {
                    break;
                }

                if (arrival < context.RecurrenceFrom)
                {
                    continue;
                }

                count++;
                var key = $"{uid}#{arrival:yyyy-MM-dd}";
                if (ToChannelEvent(key, series, start, occurrence.Period.EffectiveEndTime, context) is { } channelEvent)
                {
                    byDay[arrival] = channelEvent;
                }
            }
        }
        catch (EvaluationLimitExceededException)
        {
            // A rule that stops matching (e.g. the 30th of February) ends its series rather than the feed.
        }

        foreach (var single in overrides)
        {
            var day = ChannelEventDates.LocalDate(single.RecurrenceIdentifier!.StartTime, context.Zone);
            byDay.Remove(day);
            if (!IsCancelled(single) && single.DtStart is { } start
                && ToChannelEvent($"{uid}#{day:yyyy-MM-dd}", single, start, null, context) is { } moved
                && moved.Departure >= context.RecurrenceFrom && moved.Arrival <= context.RecurrenceTo)
            {
                byDay[day] = moved;
            }
        }

        foreach (var channelEvent in byDay.Values)
        {
            Add(read, channelEvent);
        }
    }

    private static ChannelEvent? ToChannelEvent(string uid, IcalEvent source, CalDateTime start, CalDateTime? occurrenceEnd, Context context)
    {
        var end = occurrenceEnd ?? source.DtEnd
            ?? (source.Duration is { } duration ? ChannelEventDates.AddDuration(start, duration) : null);
        var arrival = ChannelEventDates.LocalDate(start, context.Zone);

        // Without DTEND or DURATION a channel means a single night.
        var departure = end is null ? arrival.AddDays(1) : ChannelEventDates.LocalDate(end, context.Zone);
        if (departure <= arrival)
        {
            return null;
        }

        var kind = ChannelEventLabels.KindOf(source.Summary, context.Channel, context.Reading);
        var details = ChannelEventDetails.Read(source.Description, context.Channel, kind);
        return new ChannelEvent(uid, arrival, departure, kind, details.ReservationCode, details.Notes,
            ChannelEventDetails.CleanSummary(source.Summary));
    }

    private static void Add(List<ChannelEvent> read, ChannelEvent channelEvent)
    {
        if (read.Count >= MaxEventsPerFeed)
        {
            throw new TooManyEvents();
        }

        read.Add(channelEvent);
    }

    private static bool IsCancelled(IcalEvent calendarEvent) =>
        string.Equals(calendarEvent.Status?.Trim(), "CANCELLED", StringComparison.OrdinalIgnoreCase);

    // A feed without UIDs must still match itself on the next fetch, so the stand-in is a hash of what identifies it.
    private static string DerivedUid(IcalEvent calendarEvent)
    {
        var identity = $"{calendarEvent.Summary?.Trim()}|{Stamp(calendarEvent.DtStart)}|{Stamp(calendarEvent.DtEnd)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return "nouid:" + Convert.ToHexStringLower(hash)[..32];
    }

    private static string Stamp(CalDateTime? value) => value is null
        ? ""
        : value.Value.ToString(value.HasTime ? "yyyyMMdd'T'HHmmss" : "yyyyMMdd", CultureInfo.InvariantCulture)
            + (value.IsUtc ? "Z" : value.TzId is { } zone ? ";" + zone : "");

    private static ChannelFeedReadResult Unparsable(string message, DateOnly today) =>
        Failed(ChannelFeedReadResult.Unparsable, message, today);

    private static ChannelFeedReadResult Failed(string code, string message, DateOnly today) =>
        ChannelFeedReadResult.Problem(code, message) with { ReadOn = today };
}
