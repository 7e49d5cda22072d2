using Kasify.Hosting.ClusterTls;
using Kasify.Testing;

namespace Kasify.Grains.Tests.Storage;

/// <summary>The built Kasify.Silo program, started the way an operator starts it: environment variables only.</summary>
public sealed class SiloProcessTests : IDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnUnreachableDatabaseEndsTheProcessWithOneReadableLine()
    {
        var ports = FreePort.Next(2);
        var environment = new Dictionary<string, string>
        {
            ["Kasify__Storage__Mode"] = "Postgres",
            ["Kasify__Storage__ConnectionString"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=kasify;Password=s3cret-value;Timeout=5",
            ["Kasify__Encryption__Keys__0__Id"] = "test",
            ["Kasify__Encryption__Keys__0__Key"] = KasifyTestSilos.RandomEncryption().Keys[0].Key,
            ["Kasify__Cluster__Tls__CertificatePath"] = ClusterTestCertificates.Shared.SiloPfxPath,
            ["Kasify__Cluster__Tls__Password"] = ClusterTestCertificates.PfxPassword,
            ["Kasify__Cluster__Tls__CaCertificatePath"] = ClusterTestCertificates.Shared.CaCertificatePath,

            // Ports of its own, so a Kasify already running on this machine does not answer first with "port in use".
            ["Kasify__Cluster__SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kasify__Cluster__GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);
        var exitCode = await silo.WaitForExitAsync(StartWait);

        Assert.Equal(2, exitCode);
        Assert.Contains("kasify-silo: Cannot reach PostgreSQL at Host=127.0.0.1", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfigurationEndsTheProcessWithOneReadableLine()
    {
        var environment = new Dictionary<string, string> { ["Kasify__Storage__Mode"] = "Cassandra" };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);

        Assert.Equal(2, await silo.WaitForExitAsync(StartWait));
        Assert.Contains("kasify-silo: Invalid configuration: ", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Kasify:Storage:Mode", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresModeWithoutEncryptionKeysEndsTheProcessWithOneReadableLine()
    {
        var environment = new Dictionary<string, string>
        {
            ["Kasify__Storage__Mode"] = "Postgres",
            ["Kasify__Storage__ConnectionString"] = "Host=127.0.0.1;Username=kasify;Database=kasify",
        };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);

        Assert.Equal(2, await silo.WaitForExitAsync(StartWait));
        Assert.Contains("kasify-silo: Invalid configuration: Kasify:Encryption:Keys is required in Postgres mode", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresModeWithoutTlsSettingsEndsTheProcessWithOneReadableLine()
    {
        var environment = new Dictionary<string, string>
        {
            ["Kasify__Storage__Mode"] = "Postgres",
            ["Kasify__Storage__ConnectionString"] = "Host=127.0.0.1;Username=kasify;Database=kasify",
            ["Kasify__Encryption__Keys__0__Id"] = "test",
            ["Kasify__Encryption__Keys__0__Key"] = KasifyTestSilos.RandomEncryption().Keys[0].Key,
        };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);

        Assert.Equal(2, await silo.WaitForExitAsync(StartWait));
        Assert.Contains($"kasify-silo: Invalid configuration: {ClusterTlsRules.MissingInClusterMode}", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresModeWithTlsExplicitlyDisabledStartsAndWarns()
    {
        var server = await PostgresServer.GetSharedAsync();
        var options = KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
        var environment = new Dictionary<string, string>
        {
            ["Kasify__Storage__Mode"] = "Postgres",
            ["Kasify__Storage__ConnectionString"] = options.Storage.ConnectionString!,
            ["Kasify__Encryption__Keys__0__Id"] = "test",
            ["Kasify__Encryption__Keys__0__Key"] = KasifyTestSilos.RandomEncryption().Keys[0].Key,
            ["Kasify__Cluster__ClusterId"] = options.Cluster.ClusterId,
            ["Kasify__Cluster__AdvertisedIp"] = "127.0.0.1",
            ["Kasify__Cluster__SiloPort"] = options.Cluster.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kasify__Cluster__GatewayPort"] = options.Cluster.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kasify__Cluster__Tls__Disabled"] = "true",
        };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);
        await silo.WaitForOutputAsync("Kasify silo started", StartWait);

        Assert.Contains("transport DisabledBySetting", silo.Output, StringComparison.Ordinal);
        Assert.Contains(ClusterTlsRules.DisabledWarning, silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync(StartWait));
    }

    [Fact]
    public async Task SqliteModeCreatesTheDatabaseAndLogsModeAndPorts()
    {
        var ports = FreePort.Next(2);
        var environment = new Dictionary<string, string>
        {
            ["Kasify__Storage__Mode"] = "Sqlite",
            ["Kasify__Storage__SqlitePath"] = "data/kasify.db",
            ["Kasify__Storage__CoverImagesPath"] = "data/covers",
            ["Kasify__Cluster__SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kasify__Cluster__GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        await using var silo = KasifySiloProcess.Start(_folder.Path, environment);
        await silo.WaitForOutputAsync("Kasify silo started", StartWait);

        var databasePath = Path.Combine(_folder.Path, "data", "kasify.db");
        Assert.Contains($"storage mode Sqlite, database {databasePath}", silo.Output, StringComparison.Ordinal);
        Assert.Contains($"silo port {ports[0]}, gateway port {ports[1]}", silo.Output, StringComparison.Ordinal);
        Assert.Contains("transport Loopback", silo.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(databasePath));
        Assert.True(Directory.Exists(Path.Combine(_folder.Path, "data", "covers")));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "encryption-keys.json")));
        Assert.Equal(0, await silo.StopAsync(StartWait));
    }
}
