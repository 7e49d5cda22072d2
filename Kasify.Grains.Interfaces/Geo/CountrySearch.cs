namespace Kasify.Grains.Interfaces.Geo;

/// <summary>A country search.</summary>
/// <param name="Query">Text to match (<c>q</c>); null or blank lists every country.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.CountrySearch")]
public sealed record CountrySearch(string? Query);
