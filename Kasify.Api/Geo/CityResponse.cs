using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Api.Geo;

/// <summary>A Spanish municipality: stable id, 5-digit INE code (what SES.HOSPEDAJES expects), INE name and its province.</summary>
internal sealed record CityResponse(Guid Id, string Code, string Name, Guid ProvinceId, string ProvinceCode)
{
    public static CityResponse From(MunicipalityDto municipality) =>
        new(municipality.Id, municipality.Code, municipality.Name, municipality.ProvinceId, municipality.ProvinceCode);
}
