using System.ComponentModel;
using Kasify.Api.RateLimiting;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.Geo;

/// <summary>Public look-ups of countries and of Spain's provinces and municipalities, limited per client IP.</summary>
internal static class GeoApi
{
    private const string SearchRules =
        "Search is case- and accent-insensitive and matches the start of any word of a name; a query of several words "
        + "matches names with a word starting with each. Best match first (exact name or code, name starting with the "
        + "query, a later word starting with it, every word matched), alphabetical within each.";

    public static void MapGeoApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/geo")
            .WithTags("Geo")
            .AllowAnonymous()
            .RequireRateLimiting(KasifyRateLimits.Geo)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/countries", SearchCountriesAsync)
            .WithName("SearchCountries")
            .WithSummary("Search countries")
            .WithDescription(
                "The 249 ISO 3166-1 countries, territories and areas with English and Spanish names, matched by either name "
                + "or exactly by alpha-2, alpha-3 or numeric code; without q, all of them by English name. " + SearchRules);
        group.MapGet("/provinces", SearchProvincesAsync)
            .WithName("SearchProvinces")
            .WithSummary("Search provinces")
            .WithDescription(
                "Spain's 52 provinces (INE names and codes). country_code (ISO 3166-1 alpha-2 or alpha-3) defaults to ES; "
                + "any other known country has no provinces listed, so the list is empty; an unknown code is a 400 field error. "
                + "q matches each part of a bilingual name (Araba/Álava), the article-first form (A Coruña for 'Coruña, A'), "
                + "the Castilian forms Baleares, La Coruña, Gerona, Guipúzcoa, Lérida, Orense and Vizcaya, or the exact INE "
                + "code; without q, all provinces by name. " + SearchRules);
        group.MapGet("/cities", SearchCitiesAsync)
            .WithName("SearchCities")
            .WithSummary("Search cities")
            .WithDescription(
                "Spain's 8,132 municipalities (INE names and 5-digit codes). With province_id (an id from /geo/provinces): "
                + "that province's municipalities matching q, or all of them by name without q. Without province_id, q must "
                + $"have at least {GeoLimits.MinQueryLength} letters and searches all of Spain. limit is 1 to "
                + $"{GeoLimits.MaxMunicipalityResults}; it defaults to {GeoLimits.MaxMunicipalityResults} with province_id "
                + $"(the largest province has 371) and to {GeoLimits.DefaultMunicipalityResults} without. A malformed or unknown "
                + "province_id, a missing q or a limit out of range is a 400 field error. q matches each part of a bilingual "
                + "name (Donostia/San Sebastián), the article-first form (Las Palmas de Gran Canaria for 'Palmas de Gran "
                + "Canaria, Las', L'Alfàs del Pi for 'Alfàs del Pi, l''), or the exact INE code. " + SearchRules)
            .AddOpenApiOperationTransformer(DescribeProvinceIdAsUuid);
    }

    internal static async Task<Ok<CountryResponse[]>> SearchCountriesAsync(
        IGrainFactory grains,
        [Description("Text to search for in English or Spanish names, or an exact alpha-2, alpha-3 or numeric code.")] string? q = null)
    {
        var countries = await Catalog(grains).SearchCountriesAsync(new CountrySearch(q));
        return TypedResults.Ok(countries.Select(CountryResponse.From).ToArray());
    }

    internal static async Task<Ok<ProvinceResponse[]>> SearchProvincesAsync(
        IGrainFactory grains,
        [FromQuery(Name = "country_code"), Description("ISO 3166-1 alpha-2 or alpha-3 code; ES when absent.")] string? countryCode = null,
        [Description("Text to search for in province names, or an exact 2-digit INE code.")] string? q = null)
    {
        var provinces = await Catalog(grains).SearchProvincesAsync(new ProvinceSearch(countryCode, q));
        return TypedResults.Ok(provinces.Select(ProvinceResponse.From).ToArray());
    }

    internal static async Task<Ok<CityResponse[]>> SearchCitiesAsync(
        IGrainFactory grains,
        [FromQuery(Name = "province_id"), Description("Id (uuid) of a province from /geo/provinces.")] string? provinceId = null,
        [Description("Text to search for in municipality names, or an exact 5-digit INE code.")] string? q = null,
        [Description("Most results to return.")] int? limit = null)
    {
        var search = new MunicipalitySearch(ParseProvinceId(provinceId), q, limit);
        var municipalities = await Catalog(grains).SearchMunicipalitiesAsync(search);
        return TypedResults.Ok(municipalities.Select(CityResponse.From).ToArray());
    }

    // The id is bound as text (see ParseProvinceId); the document still tells clients it is a uuid.
    private static Task DescribeProvinceIdAsUuid(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters?.FirstOrDefault(parameter => parameter.Name == "province_id")?.Schema is OpenApiSchema schema)
        {
            schema.Format = "uuid";
        }

        return Task.CompletedTask;
    }

    private static IGeoCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<IGeoCatalogGrain>(IGeoCatalogGrain.Key);

    // Parsed here rather than bound as a Guid, so a malformed id is a field error like an unknown one.
    private static Guid? ParseProvinceId(string? provinceId) =>
        string.IsNullOrWhiteSpace(provinceId) ? null
        : Guid.TryParse(provinceId.Trim(), out var id) ? id
        : throw new RequestValidationException("validation.failed", "province_id", "Not the id of a Spanish province.");
}
