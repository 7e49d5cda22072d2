using System.Text;
using System.Text.RegularExpressions;
using Kasify.Grains.Channels;
using static Kasify.Grains.Tests.Channels.ChannelFeeds;

namespace Kasify.Grains.Tests.Channels;

/// <summary>Reading channel iCal exports into stays and closures in the property's dates.</summary>
public sealed class ChannelFeedReaderTests
{
    [Fact]
    public void AirbnbReservedIsAStayWithItsReservationCodeAndPhoneEnding()
    {
        var feed = Read(File("airbnb.ics"), ChannelFeedKind.Airbnb);

        Assert.True(feed.Usable);
        var stay = feed.Events[0];
        Assert.Equal("1418fb94e984-4c5a0e2b6d8f1a3c7e9b2d4f6a8c0e1b@airbnb.com", stay.Uid);
        Assert.Equal(ChannelEventKind.Stay, stay.Kind);
        Assert.Equal(new DateOnly(2026, 3, 10), stay.Arrival);
        Assert.Equal(new DateOnly(2026, 3, 15), stay.Departure);
        Assert.Equal("HMABCD1234", stay.ReservationCode);
        Assert.Equal("Airbnb reservation https://www.airbnb.com/hosting/reservations/details/HMABCD1234; phone ending 1234", stay.Notes);
        Assert.Equal("Reserved", stay.Summary);
    }

    [Fact]
    public void AirbnbNotAvailableIsAClosureWithoutDetails()
    {
        var closure = Read(File("airbnb.ics"), ChannelFeedKind.Airbnb).Events[1];

        Assert.Equal(ChannelEventKind.Closure, closure.Kind);
        Assert.Equal(new DateOnly(2026, 3, 25), closure.Arrival);
        Assert.Equal(new DateOnly(2026, 4, 1), closure.Departure);
        Assert.Null(closure.ReservationCode);
        Assert.Null(closure.Notes);
    }

    [Fact]
    public void BookingComClosedNotAvailableEventsAreAllStays()
    {
        var feed = Read(File("booking.ics"), ChannelFeedKind.Booking);

        Assert.Equal(2, feed.Events.Count);
        Assert.All(feed.Events, e => Assert.Equal(ChannelEventKind.Stay, e.Kind));
        Assert.Equal([new DateOnly(2026, 3, 12), new DateOnly(2026, 4, 2)], feed.Events.Select(e => e.Arrival));
    }

    [Fact]
    public void VrboZonedDateTimesBecomeTheDatesAtTheProperty()
    {
        var feed = Read(File("vrbo.ics"), ChannelFeedKind.Vrbo);

        var stay = feed.Events[0];
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 15)), (stay.Arrival, stay.Departure));
        Assert.Equal(ChannelEventKind.Stay, stay.Kind);
        Assert.Equal("HA-4K7P2Q", stay.ReservationCode);
        Assert.Equal("Arriving late", stay.Notes);

        // 23:00 in New York is 04:00 the next day in Madrid.
        var block = feed.Events[1];
        Assert.Equal((new DateOnly(2026, 3, 21), new DateOnly(2026, 3, 23)), (block.Arrival, block.Departure));
        Assert.Equal(ChannelEventKind.Closure, block.Kind);
        Assert.Null(block.ReservationCode);
    }

    [Fact]
    public void UtcDateTimesAreConvertedAndFloatingOnesReadAsPropertyTime()
    {
        var feed = Read(FeedWith(
            "UID:utc\nDTSTART:20260401T230000Z\nDTEND:20260403T090000Z\nSUMMARY:Guest",
            "UID:floating\nDTSTART:20260405T230000\nDTEND:20260407T100000\nSUMMARY:Guest"));

        // 23:00Z on 1 April is 01:00 on 2 April in Madrid (summer time).
        Assert.Equal((new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 3)), (feed.Events[0].Arrival, feed.Events[0].Departure));
        Assert.Equal((new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 7)), (feed.Events[1].Arrival, feed.Events[1].Departure));
    }

    [Fact]
    public void AllDayEndIsTheCheckoutDay()
    {
        var stay = Read(FeedWith("UID:a\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260311\nSUMMARY:Guest")).Events.Single();

        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)), (stay.Arrival, stay.Departure));
    }

    [Fact]
    public void FoldedLinesAndCrlfReadLikeUnfoldedLf()
    {
        var lf = Read(File("airbnb.ics"), ChannelFeedKind.Airbnb);
        var crlf = Read(File("airbnb.ics").Replace("\n", "\r\n"), ChannelFeedKind.Airbnb);

        Assert.True(crlf.Usable);
        Assert.Equal(lf.Events, crlf.Events);
        Assert.Equal("HMABCD1234", crlf.Events[0].ReservationCode);
    }

    [Fact]
    public void ByteOrderMarkAndLeadingBlankLinesAreAccepted()
    {
        var feed = Read("\uFEFF\r\n" + File("booking.ics"), ChannelFeedKind.Booking);

        Assert.True(feed.Usable);
        Assert.Equal(2, feed.Events.Count);
    }

    [Fact]
    public void WeeklyClosureExpandsIntoOccurrencesWithoutTheExcludedDate()
    {
        var feed = Read(File("weekly-closure.ics"));

        Assert.Equal(
            ["cleaning-day@example-pms#2026-03-02", "cleaning-day@example-pms#2026-03-09", "cleaning-day@example-pms#2026-03-23",
                "cleaning-day@example-pms#2026-03-30", "cleaning-day@example-pms#2026-04-06"],
            feed.Events.Select(e => e.Uid));
        Assert.All(feed.Events, e => Assert.Equal(ChannelEventKind.Closure, e.Kind));
        Assert.All(feed.Events, e => Assert.Equal(e.Arrival.AddDays(1), e.Departure));
    }

    [Fact]
    public void MovedOccurrenceReplacesTheOneItOverrides()
    {
        var feed = Read(FeedWith(
            "UID:weekly\nDTSTART;VALUE=DATE:20260302\nDTEND;VALUE=DATE:20260303\nRRULE:FREQ=WEEKLY;COUNT=3\nSUMMARY:Blocked",
            "UID:weekly\nRECURRENCE-ID;VALUE=DATE:20260309\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Blocked"));

        Assert.Equal(["weekly#2026-03-02", "weekly#2026-03-09", "weekly#2026-03-16"], feed.Events.Select(e => e.Uid));
        var moved = feed.Events[1];
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)), (moved.Arrival, moved.Departure));
    }

    [Fact]
    public void CancelledEventsAreLeftOut()
    {
        var feed = Read(FeedWith(
            "UID:gone\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest",
            "UID:kept\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest"));

        Assert.Equal("kept", Assert.Single(feed.Events).Uid);
    }

    [Fact]
    public void WindowsZoneNamesAreUnderstood()
    {
        var stay = Read(FeedWith("UID:w\nDTSTART;TZID=Eastern Standard Time:20260320T230000\nDTEND;TZID=Eastern Standard Time:20260322T090000\nSUMMARY:Guest"))
            .Events.Single();

        Assert.Equal((new DateOnly(2026, 3, 21), new DateOnly(2026, 3, 22)), (stay.Arrival, stay.Departure));
    }

    [Fact]
    public void InvalidDateMakesTheFeedUnusableRatherThanThrowing()
    {
        var feed = Read(FeedWith("UID:bad\nDTSTART;VALUE=DATE:2026-13-45\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest"));

        Assert.False(feed.Usable);
        Assert.Equal("feed.unparsable", feed.ProblemCode);
    }

    [Fact]
    public void EndlessRecurrenceIsExpandedOnlyWithinTheWindow()
    {
        var feed = Read(FeedWith("UID:weekly\nDTSTART;VALUE=DATE:20200106\nDTEND;VALUE=DATE:20200107\nRRULE:FREQ=WEEKLY\nSUMMARY:Blocked"));

        Assert.True(feed.Usable);
        Assert.True(feed.Events[0].Arrival >= Today.AddDays(-30));
        Assert.True(feed.Events[0].Arrival < Today.AddDays(-23));
        Assert.True(feed.Events[^1].Arrival <= Today.AddDays(540));
        Assert.True(feed.Events[^1].Arrival > Today.AddDays(533));
    }

    [Fact]
    public void MissingEndMeansOneNightAndDurationIsHonoured()
    {
        var feed = Read(FeedWith(
            "UID:one-night\nDTSTART;VALUE=DATE:20260310\nSUMMARY:Guest",
            "UID:three-nights\nDTSTART;VALUE=DATE:20260320\nDURATION:P3D\nSUMMARY:Guest"));

        Assert.Equal(new DateOnly(2026, 3, 11), feed.Events.Single(e => e.Uid == "one-night").Departure);
        Assert.Equal(new DateOnly(2026, 3, 23), feed.Events.Single(e => e.Uid == "three-nights").Departure);
    }

    [Fact]
    public void EventsEndingOnOrBeforeTheyStartAreSkippedNotFatal()
    {
        var feed = Read(FeedWith(
            "UID:backwards\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260308\nSUMMARY:Guest",
            "UID:fine\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest"));

        Assert.True(feed.Usable);
        Assert.Equal("fine", Assert.Single(feed.Events).Uid);
    }

    [Fact]
    public void StaysEndedMoreThanAYearAgoAreSkipped()
    {
        var feed = Read(FeedWith(
            "UID:old\nDTSTART;VALUE=DATE:20250201\nDTEND;VALUE=DATE:20250205\nSUMMARY:Guest",
            "UID:recent\nDTSTART;VALUE=DATE:20250401\nDTEND;VALUE=DATE:20250405\nSUMMARY:Guest"));

        Assert.Equal("recent", Assert.Single(feed.Events).Uid);
    }

    [Fact]
    public void MissingUidGetsAStableDerivedOne()
    {
        var text = FeedWith("DTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest");
        var other = FeedWith("DTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260313\nSUMMARY:Guest");

        var first = Read(text).Events.Single().Uid;

        Assert.StartsWith("nouid:", first);
        Assert.Equal(first, Read(text).Events.Single().Uid);
        Assert.NotEqual(first, Read(other).Events.Single().Uid);
    }

    [Fact]
    public void DuplicateUidKeepsTheFirstEvent()
    {
        var feed = Read(FeedWith(
            "UID:same\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest",
            "UID:same\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260405\nSUMMARY:Guest"));

        var only = Assert.Single(feed.Events);
        Assert.Equal(new DateOnly(2026, 3, 10), only.Arrival);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>")]
    [InlineData("{\"error\":\"calendar not found\"}")]
    [InlineData("Service Unavailable")]
    public void NonCalendarBodiesAreUnusable(string body)
    {
        var feed = Read(body);

        Assert.False(feed.Usable);
        Assert.Equal("feed.not_calendar", feed.ProblemCode);
        Assert.Empty(feed.Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t")]
    [InlineData("\uFEFF")]
    public void EmptyBodiesAreUnusable(string body) => Assert.Equal("feed.empty_body", Read(body).ProblemCode);

    [Fact]
    public void FeedCutOffMidEventIsTruncated()
    {
        var text = File("airbnb.ics");
        var cut = text[..text.IndexOf("SUMMARY:Airbnb", StringComparison.Ordinal)];

        var feed = Read(cut, ChannelFeedKind.Airbnb);

        Assert.False(feed.Usable);
        Assert.Equal("feed.truncated", feed.ProblemCode);
    }

    [Fact]
    public void FeedWithoutEndOfCalendarIsTruncated()
    {
        var text = File("booking.ics").Replace("END:VCALENDAR", "");

        Assert.Equal("feed.truncated", Read(text, ChannelFeedKind.Booking).ProblemCode);
    }

    [Fact]
    public void EventWithoutStartMakesTheFeedUnparsable()
    {
        var feed = Read(FeedWith("UID:nostart\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest"));

        Assert.False(feed.Usable);
        Assert.Equal("feed.unparsable", feed.ProblemCode);
    }

    [Fact]
    public void CalendarWithoutEventsIsUsableAndEmpty()
    {
        var feed = Read(FeedWith());

        Assert.True(feed.Usable);
        Assert.True(feed.IsEmptyCalendar);
        Assert.Empty(feed.Events);
    }

    [Fact]
    public void MoreThanFiveThousandEventsMakeTheFeedUnusable()
    {
        var events = Enumerable.Range(0, 5_001)
            .Select(i => $"UID:e{i}\nDTSTART;VALUE=DATE:{Today.AddDays(i % 500):yyyyMMdd}\nDTEND;VALUE=DATE:{Today.AddDays((i % 500) + 1):yyyyMMdd}\nSUMMARY:Guest")
            .ToArray();

        var feed = Read(FeedWith(events));

        Assert.False(feed.Usable);
        Assert.Equal("feed.too_many_events", feed.ProblemCode);
    }

    [Fact]
    public void FullPhoneNumbersAreNeverCopied()
    {
        var airbnb = Read(FeedWith(
            "UID:a\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Reserved\n" +
            "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMZZ998877\\nPhone Number (Last 4 Digits): +34 612 345 678\\nGuest phone +34612345678"),
            ChannelFeedKind.Airbnb).Events.Single();
        var other = Read(FeedWith(
            "UID:b\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Guest\n" +
            "DESCRIPTION:Reservation ID: 55512\\nCall +34 612-345-678 on 2026-03-10\\nAlt 0034612345678")).Events.Single();

        Assert.Equal("Airbnb reservation https://www.airbnb.com/hosting/reservations/details/HMZZ998877; phone ending 5678", airbnb.Notes);
        Assert.Equal("55512", other.ReservationCode);
        Assert.Equal("Call phone ending 5678 on 2026-03-10; Alt phone ending 5678", other.Notes);
        Assert.DoesNotMatch(new Regex(@"\d{5}"), other.Notes!.Replace("2026-03-10", ""));
    }

    [Fact]
    public void UnlabelledDescriptionsGiveNoReservationCode()
    {
        var stay = Read(FeedWith("UID:x\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:Reserved\nDESCRIPTION:Family of four"),
            ChannelFeedKind.Vrbo).Events.Single();

        Assert.Null(stay.ReservationCode);
        Assert.Equal("Family of four", stay.Notes);
    }

    [Fact]
    public void NotesAndSummaryAreClippedAndFreeOfControlCharacters()
    {
        var longText = new string('a', 800);
        var feed = Read(FeedWith($"UID:x\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:  {new string('s', 300)}  \nDESCRIPTION:be\u0007ll\\n{longText}"));
        Assert.True(feed.Usable, feed.ProblemText);
        var stay = feed.Events.Single();

        Assert.Equal(500, stay.Notes!.Length);
        Assert.StartsWith("bell; aaa", stay.Notes);
        Assert.DoesNotContain(stay.Notes, char.IsControl);
        Assert.Equal(200, stay.Summary!.Length);
    }

    [Theory]
    [InlineData(FeedEventReading.Stays, ChannelEventKind.Stay, ChannelEventKind.Stay)]
    [InlineData(FeedEventReading.Closures, ChannelEventKind.Closure, ChannelEventKind.Closure)]
    [InlineData(FeedEventReading.Auto, ChannelEventKind.Stay, ChannelEventKind.Closure)]
    public void OwnerOverrideForcesTheKindOfEveryEvent(FeedEventReading reading, ChannelEventKind reserved, ChannelEventKind notAvailable)
    {
        var feed = Read(File("airbnb.ics"), ChannelFeedKind.Airbnb, reading);

        Assert.Equal([reserved, notAvailable], feed.Events.Select(e => e.Kind));
    }

    [Fact]
    public void ClosuresForcedByTheOwnerCarryNoReservationDetails()
    {
        var closure = Read(File("airbnb.ics"), ChannelFeedKind.Airbnb, FeedEventReading.Closures).Events[0];

        Assert.Null(closure.ReservationCode);
        Assert.Null(closure.Notes);
    }

    [Theory]
    [InlineData(ChannelFeedKind.Other, "Not available", ChannelEventKind.Closure)]
    [InlineData(ChannelFeedKind.Other, " closed ", ChannelEventKind.Closure)]
    [InlineData(ChannelFeedKind.Other, "CLOSED - Not available", ChannelEventKind.Stay)]
    [InlineData(ChannelFeedKind.Other, "Smith family", ChannelEventKind.Stay)]
    [InlineData(ChannelFeedKind.Vrbo, "Reserved - Dana", ChannelEventKind.Stay)]
    [InlineData(ChannelFeedKind.Vrbo, "Not available", ChannelEventKind.Closure)]
    [InlineData(ChannelFeedKind.Airbnb, " reserved ", ChannelEventKind.Stay)]
    [InlineData(ChannelFeedKind.Airbnb, "Blocked by host", ChannelEventKind.Closure)]
    [InlineData(ChannelFeedKind.Booking, "Blocked", ChannelEventKind.Stay)]
    public void EachChannelLabelsStaysAndClosuresItsOwnWay(ChannelFeedKind channel, string summary, ChannelEventKind expected)
    {
        var feed = Read(FeedWith($"UID:x\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260312\nSUMMARY:{summary}"), channel);

        Assert.Equal(expected, feed.Events.Single().Kind);
    }

    [Fact]
    public void ReadingTheSameFeedTwiceGivesTheSameEventsInOrder()
    {
        var text = new StringBuilder(File("vrbo.ics")).ToString();

        var first = Read(text, ChannelFeedKind.Vrbo);
        var second = Read(text, ChannelFeedKind.Vrbo);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Events.OrderBy(e => e.Arrival).ThenBy(e => e.Uid, StringComparer.Ordinal), first.Events);
    }
}
