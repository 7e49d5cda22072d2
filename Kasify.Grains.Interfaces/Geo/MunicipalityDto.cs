namespace Kasify.Grains.Interfaces.Geo;

/// <summary>A Spanish municipality, as the INE names it.</summary>
/// <param name="Id">Stable id, <see cref="GeoIds.Municipality"/> of <paramref name="Code"/>.</param>
/// <param name="Code">Five-digit INE municipality code (<c>28079</c>); the code SES.HOSPEDAJES expects.</param>
/// <param name="Name">Official INE name (<c>Donostia/San Sebastián</c>, <c>Palmas de Gran Canaria, Las</c>).</param>
/// <param name="ProvinceId">Id of its province.</param>
/// <param name="ProvinceCode">Two-digit INE code of its province, the first two digits of <paramref name="Code"/>.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.MunicipalityDto")]
public sealed record MunicipalityDto(Guid Id, string Code, string Name, Guid ProvinceId, string ProvinceCode);
