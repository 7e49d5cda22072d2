using Kasify.Grains.Channels;

namespace Kasify.Grains.Tests.Channels;

/// <summary>Turning one fetch of a feed into creations, moves and (only after two misses) cancellations.</summary>
public sealed class ChannelReconcilerTests
{
    private static readonly DateOnly March10 = new(2026, 3, 10);
    private static readonly DateOnly ReadOn = new(2026, 3, 1);

    private static ChannelEvent Stay(string uid, int fromDay, int nights, string? code = null) =>
        new(uid, March10.AddDays(fromDay), March10.AddDays(fromDay + nights), ChannelEventKind.Stay, code, null, "Reserved");

    private static KnownChannelEvent Known(ChannelEvent now, int missed = 0) =>
        KnownChannelEvent.From(now, Guid.NewGuid()) with { MissedFetches = missed };

    private static ChannelFeedReadResult Fetched(params ChannelEvent[] events) =>
        ChannelFeedReadResult.Read(events, isEmptyCalendar: false) with { ReadOn = ReadOn };

    private static ChannelReconcilePlan Plan(IReadOnlyCollection<KnownChannelEvent> known, ChannelFeedReadResult fetched, params PropertyStay[] others) =>
        ChannelReconciler.Plan(known, fetched, others);

    [Fact]
    public void NewUidIsCreated()
    {
        var plan = Plan([], Fetched(Stay("a", 0, 3)));

        Assert.Equal("a", Assert.Single(plan.Create).Uid);
        Assert.Empty(plan.Echoes);
    }

    [Theory]
    [InlineData(1, 3, null, ChannelEventKind.Stay)]
    [InlineData(0, 4, null, ChannelEventKind.Stay)]
    [InlineData(0, 3, "HMNEW00001", ChannelEventKind.Stay)]
    [InlineData(0, 3, null, ChannelEventKind.Closure)]
    public void ChangedDatesKindOrCodeAreAMove(int fromDay, int nights, string? code, ChannelEventKind kind)
    {
        var before = Known(Stay("a", 0, 3));
        var now = Stay("a", fromDay, nights, code) with { Kind = kind };

        var plan = Plan([before], Fetched(now));

        var move = Assert.Single(plan.Move);
        Assert.Equal(before, move.Known);
        Assert.Equal(now, move.Now);
        Assert.Empty(plan.Create);
        Assert.Empty(plan.Unchanged);
    }

    [Fact]
    public void ChangedNotesAreAMove()
    {
        var before = Known(Stay("a", 0, 3));

        var plan = Plan([before], Fetched(Stay("a", 0, 3) with { Notes = "Arriving late" }));

        Assert.Single(plan.Move);
    }

    [Fact]
    public void IdenticalEventIsUnchanged()
    {
        var before = Known(Stay("a", 0, 3, "HM1"));

        var plan = Plan([before], Fetched(Stay("a", 0, 3, "HM1")));

        Assert.Equal(before, Assert.Single(plan.Unchanged));
        Assert.Empty(plan.Move);
    }

    [Fact]
    public void FirstAbsenceIsOnlyMissing()
    {
        var before = Known(Stay("a", 0, 3));

        var plan = Plan([before], Fetched(Stay("b", 10, 2)));

        Assert.Equal(before with { MissedFetches = 1 }, Assert.Single(plan.Missing));
        Assert.Empty(plan.Cancel);
    }

    [Fact]
    public void SecondAbsenceInARowCancels()
    {
        var before = Known(Stay("a", 0, 3), missed: 1);

        var plan = Plan([before], Fetched(Stay("b", 10, 2)));

        Assert.Equal(before, Assert.Single(plan.Cancel));
        Assert.Empty(plan.Missing);
    }

    [Fact]
    public void ReappearanceResetsTheMissedCount()
    {
        var before = Known(Stay("a", 0, 3), missed: 1);

        var plan = Plan([before], Fetched(Stay("a", 0, 3)));

        Assert.Equal(0, Assert.Single(plan.Unchanged).MissedFetches);
        Assert.Empty(plan.Cancel);
    }

    [Fact]
    public void StayThatEndedBeforeTheFetchIsNeverCancelledForDroppingOut()
    {
        var before = Known(new ChannelEvent("past", new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 25), ChannelEventKind.Stay, null, null, null), missed: 1);

        var plan = Plan([before], Fetched(Stay("b", 10, 2)));

        Assert.Equal(before, Assert.Single(plan.Unchanged));
        Assert.Empty(plan.Cancel);
    }

    [Fact]
    public void UnusableFeedLeavesEverythingAsItWas()
    {
        var known = new[] { Known(Stay("a", 0, 3), missed: 1), Known(Stay("b", 5, 3)) };

        var plan = Plan(known, ChannelFeedReadResult.Problem(ChannelFeedReadResult.Truncated, "cut"));

        Assert.Equal(known, plan.Unchanged);
        Assert.Empty(plan.Create);
        Assert.Empty(plan.Move);
        Assert.Empty(plan.Missing);
        Assert.Empty(plan.Cancel);
        Assert.Empty(plan.Echoes);
    }

    [Fact]
    public void EmptyCalendarNeverCancels()
    {
        var known = new[] { Known(Stay("a", 0, 3), missed: 1), Known(Stay("b", 5, 3)) };

        var plan = Plan(known, ChannelFeedReadResult.Read([], isEmptyCalendar: true));

        Assert.Equal(known, plan.Unchanged);
        Assert.Empty(plan.Missing);
        Assert.Empty(plan.Cancel);
    }

    [Fact]
    public void EventWithExactlyTheDatesOfAnotherStayIsAnEcho()
    {
        var ours = new PropertyStay(Guid.NewGuid(), March10, March10.AddDays(3));

        var plan = Plan([], Fetched(Stay("echo", 0, 3), Stay("overlap", 1, 3)), ours);

        Assert.Equal("echo", Assert.Single(plan.Echoes).Uid);
        Assert.Equal("overlap", Assert.Single(plan.Create).Uid);
    }

    [Fact]
    public void KnownUidIsNeverTakenForAnEcho()
    {
        var before = Known(Stay("a", 0, 3));
        var ours = new PropertyStay(Guid.NewGuid(), March10, March10.AddDays(3));

        var plan = Plan([before], Fetched(Stay("a", 0, 3)), ours);

        Assert.Single(plan.Unchanged);
        Assert.Empty(plan.Echoes);
    }

    [Fact]
    public void ListsAreOrderedByArrivalThenUidWhateverTheInputOrder()
    {
        var events = new[] { Stay("c", 4, 1), Stay("b", 0, 2), Stay("a", 4, 2), Stay("d", 1, 1) };
        var known = new[] { Known(Stay("z", 9, 1)), Known(Stay("y", 2, 1)), Known(Stay("x", 9, 2)) };

        var forwards = Plan(known, Fetched(events));
        var backwards = Plan(known.Reverse().ToArray(), Fetched(events.Reverse().ToArray()));

        Assert.Equal(["b", "d", "a", "c"], forwards.Create.Select(e => e.Uid));
        Assert.Equal(["y", "x", "z"], forwards.Missing.Select(e => e.Uid));
        Assert.Equal(forwards.Create, backwards.Create);
        Assert.Equal(forwards.Missing, backwards.Missing);
    }
}
