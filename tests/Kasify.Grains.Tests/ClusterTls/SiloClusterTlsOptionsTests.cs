using Kasify.Hosting.ClusterTls;
using Kasify.Silo.Hosting;
using Kasify.Testing;

namespace Kasify.Grains.Tests.ClusterTls;

/// <summary>How the silo binds and checks <c>Kasify:Cluster:Tls</c>, per storage mode.</summary>
public sealed class SiloClusterTlsOptionsTests
{
    private static readonly (string Key, string Value)[] PostgresMode =
    [
        ("Kasify:Storage:Mode", "Postgres"),
        ("Kasify:Storage:ConnectionString", "Host=db;Username=kasify;Database=kasify"),
        ("Kasify:Encryption:Keys:0:Id", "test"),
        ("Kasify:Encryption:Keys:0:Key", KasifyTestSilos.RandomEncryption().Keys[0].Key),
    ];

    private static KasifySiloOptions Bind(params (string Key, string Value)[] settings) => KasifyTestSilos.FromSettings(settings);

    [Fact]
    public void PostgresModeWithoutTlsSettingsIsInvalid()
    {
        var error = Assert.Throws<KasifyConfigurationException>(() => Bind(PostgresMode));

        Assert.Equal(ClusterTlsRules.MissingInClusterMode, error.Message);
    }

    [Fact]
    public void PostgresModeBindsTheTlsFiles()
    {
        var options = Bind(
        [
            .. PostgresMode,
            ("Kasify:Cluster:Tls:CertificatePath", "/etc/kasify/silo.pfx"),
            ("Kasify:Cluster:Tls:Password", "secret"),
            ("Kasify:Cluster:Tls:CaCertificatePath", "/etc/kasify/ca.pem"),
        ]);

        Assert.Equal(ClusterTransportSecurity.MutualTls, options.TransportSecurity);
        Assert.Equal("/etc/kasify/silo.pfx", options.Cluster.Tls.CertificatePath);
        Assert.Equal("secret", options.Cluster.Tls.Password);
        Assert.Equal("/etc/kasify/ca.pem", options.Cluster.Tls.CaCertificatePath);
    }

    [Fact]
    public void PostgresModeMayTurnTlsOffExplicitly()
    {
        var options = Bind([.. PostgresMode, ("Kasify:Cluster:Tls:Disabled", "true")]);

        Assert.Equal(ClusterTransportSecurity.DisabledBySetting, options.TransportSecurity);
    }

    [Fact]
    public void SqliteModeNeedsNoTlsSettings()
    {
        Assert.Equal(ClusterTransportSecurity.Loopback, Bind().TransportSecurity);
    }
}
