namespace Kasify.Grains.Rentals;

[GenerateSerializer, Alias("Kasify.Grains.Rentals.CoverImageInfo")]
internal sealed class CoverImageInfo
{
    [Id(0)]
    public string ContentType { get; set; } = "";

    [Id(1)]
    public int Version { get; set; }
}
