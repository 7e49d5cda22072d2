using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The registration reads <c>Kasify:Ses</c> and resolves the typed client.</summary>
public sealed class SesServiceCollectionExtensionsTests
{
    [Fact]
    public void ClientResolvesWithTheConfiguredEndpoints()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kasify:Ses:ProductionUrl"] = "https://prod.example.test/ws",
                ["Kasify:Ses:Application"] = "Kasify test",
            })
            .Build();

        using var provider = new ServiceCollection().AddSesClient(configuration).BuildServiceProvider();

        Assert.IsType<SesClient>(provider.GetRequiredService<ISesClient>());
        var options = provider.GetRequiredService<SesOptions>();
        Assert.Equal(new Uri("https://prod.example.test/ws"), options.EndpointFor(SesEnvironment.Production));
        Assert.Equal(SesOptions.DefaultTestUrl, options.EndpointFor(SesEnvironment.Test));
        Assert.Equal("Kasify test", options.Application);
    }

    [Fact]
    public void MissingTrustedCertificateFileStopsTheRegistration()
    {
        var options = new SesOptions { TrustedCertificatePaths = [Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pem")] };

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSesClient(options));

        Assert.Contains("TrustedCertificatePaths", exception.Message, StringComparison.Ordinal);
    }
}
