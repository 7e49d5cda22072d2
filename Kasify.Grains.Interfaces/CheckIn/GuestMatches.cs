using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>How many of a property's guests matched a query, and the newest of them, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.GuestMatches")]
public sealed record GuestMatches(int Total, ImmutableArray<GuestDto> First);
