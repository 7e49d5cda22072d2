namespace Kasify.Grains.Interfaces.Geo;

/// <summary>Limits of the geo searches, shared by the API's descriptions and the catalogue's checks.</summary>
public static class GeoLimits
{
    /// <summary>Longest search text accepted.</summary>
    public const int QueryLength = 100;

    /// <summary>Fewest letters or digits a municipality search across all of Spain needs.</summary>
    public const int MinQueryLength = 2;

    /// <summary>Municipalities returned by a search across all of Spain when no limit is given.</summary>
    public const int DefaultMunicipalityResults = 20;

    /// <summary>Most municipalities one search returns; more than the largest province has (Burgos, 371).</summary>
    public const int MaxMunicipalityResults = 500;

    /// <summary>Alpha-2 code of the one country whose provinces and municipalities are listed.</summary>
    public const string Spain = "ES";
}
