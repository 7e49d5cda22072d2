using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Api.Geo;

/// <summary>An ISO 3166-1 country: stable id, codes (alpha-3 is what SES.HOSPEDAJES expects), English and Spanish names.</summary>
internal sealed record CountryResponse(Guid Id, string Alpha2, string Alpha3, string Numeric, string Name, string NameEs)
{
    public static CountryResponse From(CountryDto country) =>
        new(country.Id, country.Alpha2, country.Alpha3, country.Numeric, country.Name, country.NameEs);
}
