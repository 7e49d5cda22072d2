using System.Globalization;
using System.Net;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Hosting.ClusterTls;
using Kasify.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasify.Api.Tests.Hosting;

/// <summary>
/// The API host's own Orleans client in Postgres mode: it joins a TLS cluster with its certificate files, refuses to
/// start without TLS settings, and warns when TLS is explicitly turned off.
/// </summary>
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task WithItsCertificateTheApiServesRequestsFromATlsCluster()
    {
        var server = await PostgresServer.GetSharedAsync();
        var options = KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
        var silo = await KasifyTestSilos.StartSiloAsync(options);
        try
        {
            var tls = ClusterTestCertificates.Shared.ClientTls();
            await using var unreachable = KasifyApiFactory.WithUnreachableCluster();
            await using var api = unreachable.WithSettings(new Dictionary<string, string?>
            {
                ["Kasify:Storage:Mode"] = "Postgres",
                ["Kasify:Storage:ConnectionString"] = options.Storage.ConnectionString,
                ["Kasify:Cluster:ClusterId"] = options.Cluster.ClusterId,
                ["Kasify:Cluster:Tls:CertificatePath"] = tls.CertificatePath,
                ["Kasify:Cluster:Tls:KeyPath"] = tls.KeyPath,
                ["Kasify:Cluster:Tls:CaCertificatePath"] = tls.CaCertificatePath,
            });
            using var client = api.CreateAuthenticatedClient();
            client.Timeout = TimeSpan.FromSeconds(30);

            await WaitUntilReadyAsync(client);
            await client.RegisterAsync();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/account")).StatusCode);
        }
        finally
        {
            await KasifyTestSilos.StopAsync(silo);
        }
    }

    [Fact]
    public async Task PostgresModeWithoutTlsSettingsRefusesToStart()
    {
        await using var unreachable = KasifyApiFactory.WithUnreachableCluster();
        await using var api = unreachable.WithSettings(PostgresModeWithoutCluster());

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var cause = Assert.IsType<ClusterTlsConfigurationException>(Causes(error).OfType<ClusterTlsConfigurationException>().FirstOrDefault());
        Assert.Equal(ClusterTlsRules.MissingInClusterMode, cause.Message);
    }

    [Fact]
    public async Task PostgresModeWithTlsExplicitlyDisabledStartsAndWarns()
    {
        var settings = PostgresModeWithoutCluster();
        settings["Kasify:Cluster:Tls:Disabled"] = "true";
        await using var unreachable = KasifyApiFactory.WithUnreachableCluster();
        await using var withSettings = unreachable.WithSettings(settings);
        await using var api = withSettings.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddFakeLogging()));

        using var client = api.CreateClient();
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var warning = Assert.Single(
            api.Services.GetFakeLogCollector().GetSnapshot(),
            record => record.Category == "Kasify.Hosting.ClusterTls.ClusterTlsDisabledWarning");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(ClusterTlsRules.DisabledWarning, warning.Message);
    }

    // Postgres mode pointed at a port where no database answers: the host starts, its client never connects.
    private static Dictionary<string, string?> PostgresModeWithoutCluster() => new()
    {
        ["Kasify:Storage:Mode"] = "Postgres",
        ["Kasify:Storage:ConnectionString"] =
            $"Host=127.0.0.1;Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)};Username=kasify;Database=kasify;Timeout=2",
    };

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
            if (exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
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
