using System.Globalization;
using Kasify.Grains.Integrations.UniFi;

namespace Kasify.Grains.Tests.Integrations.UniFi;

public sealed class UniFiPipelineKeyTests
{
    [Fact]
    public void AnyNumberOfConsoleAddressesShareABoundedSetOfPipelines()
    {
        var keys = Enumerable.Range(0, 20_000)
            .Select(i => UniFiAccessServiceCollectionExtensions.PipelineKey(new Uri($"https://console-{i.ToString(CultureInfo.InvariantCulture)}.example:12445/")))
            .ToHashSet();

        Assert.InRange(keys.Count, 2, UniFiAccessServiceCollectionExtensions.PipelineBuckets);
    }

    [Fact]
    public void OneConsoleAlwaysUsesTheSamePipelineWhateverThePathOrCase()
    {
        var key = UniFiAccessServiceCollectionExtensions.PipelineKey(new Uri("https://192.0.2.10:12445/api/v1/developer/doors"));

        Assert.Equal(key, UniFiAccessServiceCollectionExtensions.PipelineKey(new Uri("https://192.0.2.10:12445/api/v1/developer/visitors")));
        Assert.Equal(
            UniFiAccessServiceCollectionExtensions.PipelineKey(new Uri("https://Console.Example:12445/")),
            UniFiAccessServiceCollectionExtensions.PipelineKey(new Uri("https://console.example:12445/x")));
    }
}
