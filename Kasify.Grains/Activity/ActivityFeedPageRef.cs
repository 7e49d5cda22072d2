namespace Kasify.Grains.Activity;

/// <summary>What the feed's head knows of one sealed page: enough to count, to skip it when reading, and to refuse a
/// duplicate of an entry it holds, without reading it.</summary>
/// <param name="Number">The page grain's key extension.</param>
/// <param name="Newest">When its newest entry happened.</param>
/// <param name="Oldest">When its oldest entry happened.</param>
/// <param name="WithoutBooking">How many of its entries concern no booking (what readers who may not see bookings see).</param>
/// <param name="Ids">The ids of its entries.</param>
[GenerateSerializer, Alias("Kasify.Grains.Activity.ActivityFeedPageRef")]
internal sealed record ActivityFeedPageRef(int Number, DateTimeOffset Newest, DateTimeOffset Oldest, int WithoutBooking, List<Guid> Ids);
