using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>How many of a property's bookings matched a query, and the first of them in the query's order.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingMatches")]
public sealed record BookingMatches(int Total, ImmutableArray<BookingListing> First);
