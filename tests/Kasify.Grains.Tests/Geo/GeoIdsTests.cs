using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Tests.Geo;

public sealed class GeoIdsTests
{
    [Fact]
    public void IdsAreStableVersion5UuidsThatDependOnKindAndCode()
    {
        var spain = GeoIds.Country("ES");

        Assert.Equal(spain, GeoIds.Country("es"));
        Assert.NotEqual(spain, GeoIds.Country("PT"));
        Assert.NotEqual(GeoIds.Province("28"), GeoIds.Municipality("28"));
        Assert.Equal('5', spain.ToString()[14]);
        Assert.Contains(spain.ToString()[19], "89ab");
    }
}
