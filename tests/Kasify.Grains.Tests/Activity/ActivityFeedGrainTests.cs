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
    public async Task TheFeedKeepsOnlyItsCapacityOfNewestEntries()
    {
        var propertyId = Guid.NewGuid();
        var feed = fixture.Grains.GetGrain<IActivityFeedGrain>(propertyId);
        var start = DateTimeOffset.UtcNow;

        for (var i = 0; i < IActivityFeedGrain.Capacity + 5; i++)
        {
            await feed.AppendAsync(Entry(propertyId, start.AddSeconds(i)));
        }

        var all = await feed.GetLatestAsync(null, IActivityFeedGrain.Capacity + 100);
        Assert.Equal(IActivityFeedGrain.Capacity, all.Length);
        Assert.Equal(start.AddSeconds(IActivityFeedGrain.Capacity + 4), all[0].OccurredAt);
        Assert.Equal(start.AddSeconds(5), all[^1].OccurredAt);
    }
}
