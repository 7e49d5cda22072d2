using System.Collections.Frozen;
using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Geo;

/// <summary>
/// The countries, Spanish provinces and municipalities of the reference data in <c>Geo/Data</c>, immutable, with the
/// searches <see cref="IGeoCatalogGrain"/> serves. Independent of Orleans.
/// </summary>
internal sealed class GeoCatalog : IGeoLookup
{
    private const string ResourcePrefix = "Kasify.Grains.Geo.Data.";

    // Castilian and older forms that people still type for provinces whose INE name is in the regional language.
    private static readonly FrozenDictionary<string, string[]> ProvinceAliases = new Dictionary<string, string[]>
    {
        ["07"] = ["Baleares", "Islas Baleares"],
        ["15"] = ["La Coruña"],
        ["17"] = ["Gerona"],
        ["20"] = ["Guipúzcoa"],
        ["25"] = ["Lérida"],
        ["32"] = ["Orense"],
        ["48"] = ["Vizcaya"],
    }.ToFrozenDictionary();

    private static readonly Lazy<GeoCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly ImmutableArray<GeoSearchEntry<CountryDto>> _countries;
    private readonly ImmutableArray<GeoSearchEntry<ProvinceDto>> _provinces;
    private readonly ImmutableArray<GeoSearchEntry<MunicipalityDto>> _municipalities;
    private readonly FrozenDictionary<string, CountryDto> _countriesByCode;
    private readonly FrozenDictionary<Guid, ProvinceDto> _provincesById;
    private readonly FrozenDictionary<Guid, MunicipalityDto> _municipalitiesById;
    private readonly FrozenDictionary<string, ImmutableArray<GeoSearchEntry<MunicipalityDto>>> _municipalitiesByProvince;

    public GeoCatalog(ImmutableArray<CountryDto> countries, ImmutableArray<ProvinceDto> provinces, ImmutableArray<MunicipalityDto> municipalities)
    {
        Countries = countries;
        Provinces = provinces;
        Municipalities = municipalities;

        _countries = Alphabetical(countries.Select(country => new GeoSearchEntry<CountryDto>(
            country,
            country.Name,
            [country.Alpha2, country.Alpha3, country.Numeric],
            [.. GeoText.SearchForms(country.Name).Union(GeoText.SearchForms(country.NameEs))])));
        _provinces = Alphabetical(provinces.Select(province => new GeoSearchEntry<ProvinceDto>(
            province,
            province.Name,
            [province.Code],
            GeoText.SearchForms(province.Name, ProvinceAliases.GetValueOrDefault(province.Code, [])))));
        _municipalities = Alphabetical(municipalities.Select(municipality => new GeoSearchEntry<MunicipalityDto>(
            municipality, municipality.Name, [municipality.Code], GeoText.SearchForms(municipality.Name))));

        _countriesByCode = countries
            .SelectMany(country => new[] { KeyValuePair.Create(country.Alpha2, country), KeyValuePair.Create(country.Alpha3, country) })
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _provincesById = provinces.ToFrozenDictionary(province => province.Id);
        _municipalitiesById = municipalities.ToFrozenDictionary(municipality => municipality.Id);
        _municipalitiesByProvince = _municipalities
            .GroupBy(entry => entry.Item.ProvinceCode)
            .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray());
        if (municipalities.FirstOrDefault(municipality => !_provincesById.ContainsKey(municipality.ProvinceId)) is { } orphan)
        {
            throw new InvalidDataException($"Municipality {orphan.Code} names an unknown province {orphan.ProvinceCode}.");
        }
    }

    /// <summary>The catalogue of the data embedded in this assembly, read on first use and shared by the whole process.</summary>
    public static GeoCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>Every country, in the file's order (by alpha-2 code).</summary>
    public ImmutableArray<CountryDto> Countries { get; }

    /// <summary>Every province, in the file's order (by INE code).</summary>
    public ImmutableArray<ProvinceDto> Provinces { get; }

    /// <summary>Every municipality, in the file's order (by INE code).</summary>
    public ImmutableArray<MunicipalityDto> Municipalities { get; }

    /// <summary>Reads the three reference files (see <c>Geo/Data/README.md</c> for their columns).</summary>
    public static GeoCatalog Load(Stream countries, Stream provinces, Stream municipalities) => new(
        GeoCsv.Read(countries, ["alpha2", "alpha3", "numeric", "name_en", "name_es"], row =>
            new CountryDto(GeoIds.Country(row[0]), row[0], row[1], row[2], row[3], row[4])),
        GeoCsv.Read(provinces, ["code", "name", "autonomous_community"], row =>
            new ProvinceDto(GeoIds.Province(row[0]), row[0], row[1], row[2], GeoLimits.Spain)),
        GeoCsv.Read(municipalities, ["ine_code", "province_code", "name"], row =>
            new MunicipalityDto(GeoIds.Municipality(row[0]), row[0], row[2], GeoIds.Province(row[1]), row[1])));

    public CountryDto? FindCountry(string code) =>
        string.IsNullOrWhiteSpace(code) ? null : _countriesByCode.GetValueOrDefault(code.Trim());

    public ProvinceDto? FindProvince(Guid id) => _provincesById.GetValueOrDefault(id);

    public MunicipalityDto? FindMunicipality(Guid id) => _municipalitiesById.GetValueOrDefault(id);

    public ImmutableArray<CountryDto> SearchCountries(CountrySearch search)
    {
        var errors = new Dictionary<string, string[]>();
        CheckQueryLength(errors, search.Query);
        ThrowIfAny(errors);
        return Search(_countries, GeoQuery.Parse(search.Query), int.MaxValue);
    }

    public ImmutableArray<ProvinceDto> SearchProvinces(ProvinceSearch search)
    {
        var errors = new Dictionary<string, string[]>();
        CheckQueryLength(errors, search.Query);
        var countryCode = string.IsNullOrWhiteSpace(search.CountryCode) ? GeoLimits.Spain : search.CountryCode.Trim();
        var country = _countriesByCode.GetValueOrDefault(countryCode);
        if (country is null)
        {
            errors["country_code"] = ["An ISO 3166-1 alpha-2 or alpha-3 country code."];
        }

        ThrowIfAny(errors);
        return country?.Alpha2 == GeoLimits.Spain ? Search(_provinces, GeoQuery.Parse(search.Query), int.MaxValue) : [];
    }

    public ImmutableArray<MunicipalityDto> SearchMunicipalities(MunicipalitySearch search)
    {
        var errors = new Dictionary<string, string[]>();
        CheckQueryLength(errors, search.Query);
        var query = GeoQuery.Parse(search.Query);
        ProvinceDto? province = null;
        if (search.ProvinceId is { } provinceId && !_provincesById.TryGetValue(provinceId, out province))
        {
            errors["province_id"] = ["Not the id of a Spanish province."];
        }
        else if (search.ProvinceId is null && (query?.LetterCount ?? 0) < GeoLimits.MinQueryLength)
        {
            errors["q"] = [$"Give province_id, or at least {GeoLimits.MinQueryLength} letters to search all of Spain."];
        }

        if (search.Limit is < 1 or > GeoLimits.MaxMunicipalityResults)
        {
            errors["limit"] = [$"Between 1 and {GeoLimits.MaxMunicipalityResults}."];
        }

        ThrowIfAny(errors);
        return province is null
            ? Search(_municipalities, query, search.Limit ?? GeoLimits.DefaultMunicipalityResults)
            : Search(_municipalitiesByProvince[province.Code], query, search.Limit ?? GeoLimits.MaxMunicipalityResults);
    }

    private static ImmutableArray<T> Search<T>(ImmutableArray<GeoSearchEntry<T>> entries, GeoQuery? query, int limit)
    {
        if (query is null)
        {
            return [.. entries.Take(limit).Select(entry => entry.Item)];
        }

        // Entries are alphabetical and OrderBy is stable, so equal ranks stay alphabetical.
        return [.. entries
            .Select(entry => (entry.Item, Rank: entry.Rank(query)))
            .Where(match => match.Rank is not null)
            .OrderBy(match => match.Rank)
            .Take(limit)
            .Select(match => match.Item)];
    }

    private static ImmutableArray<GeoSearchEntry<T>> Alphabetical<T>(IEnumerable<GeoSearchEntry<T>> entries) =>
        [.. entries.OrderBy(entry => entry.SortKey, StringComparer.Ordinal).ThenBy(entry => entry.Code, StringComparer.Ordinal)];

    private static void CheckQueryLength(Dictionary<string, string[]> errors, string? query)
    {
        if (query is { Length: > GeoLimits.QueryLength })
        {
            errors["q"] = [$"At most {GeoLimits.QueryLength} characters."];
        }
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid geo search parameters.", errors.ToImmutableDictionary());
        }
    }

    private static GeoCatalog LoadEmbedded()
    {
        using var countries = OpenResource("countries.csv");
        using var provinces = OpenResource("es-provinces.csv");
        using var municipalities = OpenResource("es-municipalities.csv");
        return Load(countries, provinces, municipalities);
    }

    private static Stream OpenResource(string fileName) =>
        typeof(GeoCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new InvalidOperationException($"The geo data file {fileName} is not embedded in {typeof(GeoCatalog).Assembly.GetName().Name}.");
}
