using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Api.Geo;

/// <summary>A Spanish province: stable id, 2-digit INE code, INE name, autonomous community and country (<c>ES</c>).</summary>
internal sealed record ProvinceResponse(Guid Id, string Code, string Name, string AutonomousCommunity, string CountryCode)
{
    public static ProvinceResponse From(ProvinceDto province) =>
        new(province.Id, province.Code, province.Name, province.AutonomousCommunity, province.CountryCode);
}
