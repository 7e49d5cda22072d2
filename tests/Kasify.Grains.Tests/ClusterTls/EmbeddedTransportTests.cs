using System.Net;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Kasify.Grains.Tests.ClusterTls;

/// <summary>The embedded silo (Sqlite mode, as <c>./run.sh</c> starts it) needs no TLS because nothing off the host can reach it.</summary>
public sealed class EmbeddedTransportTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheEmbeddedSiloListensOnLoopbackOnlyAndServesAPlainClient()
    {
        var options = KasifyTestSilos.SqliteOptions(_folder.Path);
        var silo = await KasifyTestSilos.StartSiloAsync(options);
        try
        {
            var endpoints = silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
            var client = await KasifyTestSilos.StartClientAsync(options);
            try
            {
                var grains = client.Services.GetRequiredService<IClusterClient>();
                Assert.Equal(3, await grains.GetGrain<Storage.ICounterGrain>(Guid.NewGuid()).AddAsync(3));
            }
            finally
            {
                await KasifyTestSilos.StopAsync(client);
            }

            // Without listening endpoints of their own, both ports listen on the advertised address.
            Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
            Assert.Null(endpoints.SiloListeningEndpoint);
            Assert.Null(endpoints.GatewayListeningEndpoint);
        }
        finally
        {
            await KasifyTestSilos.StopAsync(silo);
        }
    }
}
