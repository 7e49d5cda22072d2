using System.Globalization;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Tests.Bookings;

public sealed class BookingArchiveRulesTests
{
    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void TheCutoffIsTheAgeBeforeNowInUtc() => // 6 Dec 00:30 at +02:00 is still 5 Dec in UTC
        Assert.Equal(Date("2026-09-06"), BookingArchiveRules.Cutoff(new DateTimeOffset(2026, 12, 6, 0, 30, 0, TimeSpan.FromHours(2)), TimeSpan.FromDays(90)));

    [Theory]
    [InlineData("2026-09-06", true)]
    [InlineData("2026-09-07", false)] // left on the cutoff: not yet
    [InlineData("2027-01-01", false)]
    public void AStayIsDueWhenItLeftBeforeTheCutoff(string to, bool due) =>
        Assert.Equal(due, BookingArchiveRules.IsDue(BookingRulesTests.Stay("2026-09-01", to), Date("2026-09-07")));

    [Fact]
    public void StaysTheOutboxStillOwesADeliveryForAreNotDue()
    {
        var (settled, written, changed, woken, facts, recent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = new BookingCalendarState();
        foreach (var id in new[] { settled, written, changed, woken, facts })
        {
            state.Slots[id] = BookingRulesTests.Stay("2024-01-01", "2024-01-03");
            state.Revisions[id] = 3;
        }

        state.Slots[recent] = BookingRulesTests.Stay("2026-09-10", "2026-09-12");
        state.PendingWrites[written] = new BookingWrite(Guid.NewGuid(), 3, state.Slots[written], DateTimeOffset.UnixEpoch);
        state.PendingChanges[changed] = new BookingChange(changed, 3, Date("2024-01-01"), Date("2024-01-03"), true, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        state.PendingSesWakes.Add(woken);
        state.PendingFacts.Add(facts);

        var due = BookingArchiveRules.Due(state, Date("2026-09-07"));

        Assert.Equal([new ArchivedSlot(settled, state.Slots[settled], 3)], due.AsEnumerable());
    }

    [Theory]
    [InlineData(null, null, false)] // nothing archived
    [InlineData(null, "2020-01-01", false)]
    [InlineData("2024-05-01", null, true)]
    [InlineData("2024-05-01", "2024-05-01", true)]
    [InlineData("2024-05-01", "2024-05-02", false)]
    public void ReadsReachTheArchivesOnlyWhenTheyConcernArchivedDates(string? archivedThrough, string? from, bool reaches) =>
        Assert.Equal(reaches, BookingArchiveRules.Reaches(archivedThrough is null ? null : Date(archivedThrough), from is null ? null : Date(from)));

    [Fact]
    public void OnlyYearsAStayLeavingFromTheDateCanBeInAreRead()
    {
        Assert.Equal([2023, 2024], BookingArchiveRules.YearsFrom([2024, 2021, 2023], Date("2023-12-31")).AsEnumerable());
        Assert.Equal([2021, 2023, 2024], BookingArchiveRules.YearsFrom([2024, 2021, 2023], null).AsEnumerable());
    }

    [Fact]
    public void MergingPrefersTheCalendarsSlotThenTheHigherRevision()
    {
        var (live, twice, once) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var current = BookingRulesTests.Stay("2024-03-01", "2024-03-04");
        var stale = BookingRulesTests.Stay("2024-02-01", "2024-02-04");
        var newer = BookingRulesTests.Stay("2024-06-01", "2024-06-02");

        var merged = BookingArchiveRules.Merge(
            new Dictionary<Guid, BookingDetails> { [live] = current },
            [new ArchivedSlot(live, stale, 9), new ArchivedSlot(twice, newer, 2), new ArchivedSlot(twice, stale, 1), new ArchivedSlot(once, stale, 0)]);

        Assert.Equal(3, merged.Count);
        Assert.Equal(current, merged[live]);
        Assert.Equal(newer, merged[twice]);
        Assert.Equal(stale, merged[once]);
    }
}
