namespace Kasify.Grains.Interfaces.Geo;

/// <summary>A Spanish province (or autonomous city), as the INE names it.</summary>
/// <param name="Id">Stable id, <see cref="GeoIds.Province"/> of <paramref name="Code"/>.</param>
/// <param name="Code">Two-digit INE province code (<c>01</c>–<c>52</c>).</param>
/// <param name="Name">Official INE name, article last and bilingual forms joined by a slash (<c>Coruña, A</c>, <c>Araba/Álava</c>).</param>
/// <param name="AutonomousCommunity">INE name of its autonomous community or city (<c>Galicia</c>, <c>Madrid, Comunidad de</c>).</param>
/// <param name="CountryCode">Alpha-2 code of its country, always <c>ES</c>.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.ProvinceDto")]
public sealed record ProvinceDto(Guid Id, string Code, string Name, string AutonomousCommunity, string CountryCode);
