using System.Diagnostics;
using System.Globalization;
using System.Net;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Testing;
using Microsoft.Extensions.Hosting;

namespace Kasify.Api.Tests.Hosting;

/// <summary>
/// The API host with its real Orleans client on a real silo (Kasify.Silo's configuration, SQLite) that goes away:
/// the API must notice and fail fast with 503, not wait for the response timeout.
/// </summary>
public sealed class LostSiloTests : IAsyncLifetime
{
    // Far below the client's 15-second response timeout, so a call that waits for it fails the test.
    private static readonly TimeSpan FastFailure = TimeSpan.FromSeconds(5);

    private readonly TestFolder _folder = new();
    private IHost? _silo;
    private KasifyApiFactory? _api;

    public async Task InitializeAsync()
    {
        var options = KasifyTestSilos.SqliteOptions(_folder.Path);
        _silo = await KasifyTestSilos.StartSiloAsync(options);

        // WithUnreachableCluster turns the host's own Orleans client on; the settings then point it at this silo.
        await using var withClient = KasifyApiFactory.WithUnreachableCluster();
        _api = withClient.WithSettings(new Dictionary<string, string?>
        {
            ["Kasify:Cluster:ClusterId"] = options.Cluster.ClusterId,
            ["Kasify:Cluster:GatewayPort"] = options.Cluster.GatewayPort.ToString(CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_silo is not null)
        {
            await KasifyTestSilos.StopAsync(_silo);
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task CallAfterTheSiloStopsAnswers503ClusterUnavailableQuickly()
    {
        using var client = _api!.CreateAuthenticatedClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        await WaitUntilReadyAsync(client);
        await client.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/account")).StatusCode);

        var silo = _silo!;
        _silo = null;
        await KasifyTestSilos.StopAsync(silo);
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/v1/account");
        stopwatch.Stop();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cluster.unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(stopwatch.Elapsed < FastFailure, $"The call took {stopwatch.Elapsed} to fail.");
    }

    // The client connects in the background after the host starts; until then the API answers 503.
    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The API did not connect to the silo within 30 seconds.");
            await Task.Delay(100);
        }
    }
}
