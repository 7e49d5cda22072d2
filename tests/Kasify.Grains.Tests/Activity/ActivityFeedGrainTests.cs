using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Tests.Activity;

public sealed class ActivityFeedGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static ActivityEntry Entry(Guid propertyId, DateTimeOffset at, ActivityKind kind = ActivityKind.BookingCreated) =>
        new(Guid.NewGuid(), propertyId, kind, at, Guid.NewGuid(), null, "Booking created");

    [Fact]
    public async Task EntriesComeBackNewestFirstAndAppendingTwiceKeepsOne()
    {
        var propertyId = Guid.NewGuid();
        var feed = fixture.Grains.GetGrain<IActivityFeedGrain>(propertyId);
        var start = DateTimeOffset.UtcNow;
        var first = Entry(propertyId, start);
        var third = Entry(propertyId, start.AddMinutes(2), ActivityKind.BookingCancelled);
        var second = Entry(propertyId, start.AddMinutes(1), ActivityKind.BookingChanged);

        await feed.AppendAsync(first);
        await feed.AppendAsync(third);
        await feed.AppendAsync(second);
        await feed.AppendAsync(first);

        Assert.Equal(new[] { third, second, first }, (await feed.GetLatestAsync(null, 10)).ToArray());
        Assert.Equal(new[] { second, first }, (await feed.GetLatestAsync(third.OccurredAt, 10)).ToArray());
        Assert.Equal(new[] { third }, (await feed.GetLatestAsync(null, 1)).ToArray());
    }

    [Fact]
    public async Task TheFeedKeepsAtMostItsCapacityDroppingTheOldestPageAtATime()
    {
        var propertyId = Guid.NewGuid();
        var feed = fixture.Grains.GetGrain<IActivityFeedGrain>(propertyId);
        var start = DateTimeOffset.UtcNow;

        for (var i = 0; i < IActivityFeedGrain.Capacity + 5; i++)
        {
            await feed.AppendAsync(Entry(propertyId, start.AddSeconds(i)));
        }

        var all = await feed.GetLatestAsync(null, IActivityFeedGrain.Capacity + 100);
        Assert.InRange(all.Length, IActivityFeedGrain.Capacity - IActivityFeedGrain.PageSize, IActivityFeedGrain.Capacity);
        Assert.Equal(start.AddSeconds(IActivityFeedGrain.Capacity + 4), all[0].OccurredAt);
        Assert.Equal(start.AddSeconds(IActivityFeedGrain.Capacity + 5 - all.Length), all[^1].OccurredAt);
        Assert.Equal(all.Length, (await feed.GetSummaryAsync(withBookingEntries: true, limit: 1)).Total);
    }

    [Fact]
    public async Task ReadsAcrossSealedPagesMatchOneNewestFirstList()
    {
        var propertyId = Guid.NewGuid();
        var feed = fixture.Grains.GetGrain<IActivityFeedGrain>(propertyId);
        var start = DateTimeOffset.UtcNow;
        var appended = new List<ActivityEntry>();
        for (var i = 0; i < (IActivityFeedGrain.PageSize * 3) + 17; i++)
        {
            // Every third entry concerns no booking.
            var entry = Entry(propertyId, start.AddSeconds(i)) with { BookingId = i % 3 == 0 ? null : Guid.NewGuid() };
            appended.Add(entry);
            await feed.AppendAsync(entry);
        }

        var expected = appended.OrderByDescending(entry => entry.OccurredAt).ToList();
        Assert.Equal(expected, (await feed.GetLatestAsync(null, 1000)).ToArray());
        var before = expected[150].OccurredAt;
        Assert.Equal(expected.Skip(151).Take(60), (await feed.GetLatestAsync(before, 60)).ToArray());

        var withoutBookings = await feed.GetSummaryAsync(withBookingEntries: false, limit: 120);
        var expectedWithout = expected.Where(entry => entry.BookingId is null).ToList();
        Assert.Equal(expectedWithout.Count, withoutBookings.Total);
        Assert.Equal(expectedWithout.Take(120), withoutBookings.Latest.ToArray());
        Assert.Equal(expected.Count, (await feed.GetSummaryAsync(withBookingEntries: true, limit: 0)).Total);
    }

    [Fact]
    public async Task ALateEntryOlderThanASealedPageReadsInItsPlaceAndARepeatOfASealedEntryIsIgnored()
    {
        var propertyId = Guid.NewGuid();
        var feed = fixture.Grains.GetGrain<IActivityFeedGrain>(propertyId);
        var start = DateTimeOffset.UtcNow;
        var appended = new List<ActivityEntry>();
        for (var i = 0; i < IActivityFeedGrain.PageSize + 10; i++)
        {
            var entry = Entry(propertyId, start.AddSeconds(i * 10));
            appended.Add(entry);
            await feed.AppendAsync(entry);
        }

        var late = Entry(propertyId, start.AddSeconds(55));
        await feed.AppendAsync(late);
        await feed.AppendAsync(appended[3]);

        var all = await feed.GetLatestAsync(null, 1000);
        Assert.Equal(appended.Count + 1, all.Length);
        Assert.Equal([.. appended.Append(late).OrderByDescending(entry => entry.OccurredAt)], all.ToArray());
        Assert.Equal(late, (await feed.GetLatestAsync(start.AddSeconds(60), 1)).Single());
    }
}
