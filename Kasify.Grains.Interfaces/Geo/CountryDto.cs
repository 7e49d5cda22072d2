namespace Kasify.Grains.Interfaces.Geo;

/// <summary>An ISO 3166-1 country, territory or area, with its CLDR display names.</summary>
/// <param name="Id">Stable id, <see cref="GeoIds.Country"/> of <paramref name="Alpha2"/>.</param>
/// <param name="Alpha2">ISO 3166-1 alpha-2 code, upper case (<c>ES</c>).</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code, upper case (<c>ESP</c>); the code SES.HOSPEDAJES expects.</param>
/// <param name="Numeric">ISO 3166-1 numeric code, three digits with leading zeros (<c>004</c>).</param>
/// <param name="Name">English name (<c>Spain</c>).</param>
/// <param name="NameEs">Spanish name (<c>España</c>).</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.CountryDto")]
public sealed record CountryDto(Guid Id, string Alpha2, string Alpha3, string Numeric, string Name, string NameEs);
