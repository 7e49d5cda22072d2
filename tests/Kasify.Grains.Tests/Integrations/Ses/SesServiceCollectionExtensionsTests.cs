using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The registration reads <c>Kasify:Ses</c> and resolves the typed client.</summary>
public sealed class SesServiceCollectionExtensionsTests
{
    [Fact]
    public void ClientResolvesWithTheConfiguredEnvironment()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kasify:Ses:Environment"] = "Production",
                ["Kasify:Ses:Application"] = "Kasify test",
            })
            .Build();

        using var provider = new ServiceCollection().AddSesClient(configuration).BuildServiceProvider();

        Assert.IsType<SesClient>(provider.GetRequiredService<ISesClient>());
        var options = provider.GetRequiredService<SesOptions>();
        Assert.Equal(SesOptions.ProductionUrl, options.Endpoint);
        Assert.Equal("Kasify test", options.Application);
    }
}
