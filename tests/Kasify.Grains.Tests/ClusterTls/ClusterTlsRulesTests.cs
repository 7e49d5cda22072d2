using Kasify.Hosting.ClusterTls;

namespace Kasify.Grains.Tests.ClusterTls;

/// <summary>Which transport security the settings ask for, per storage mode (cluster mode is Postgres).</summary>
public sealed class ClusterTlsRulesTests
{
    private static ClusterTlsOptions Complete() => new() { CertificatePath = "node.pfx", CaCertificatePath = "ca.pem" };

    [Fact]
    public void ClusterModeWithoutSettingsIsRefusedWithAMessageThatNamesThem()
    {
        var error = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterTlsRules.Resolve(new ClusterTlsOptions(), clusterMode: true));

        Assert.Equal(ClusterTlsRules.MissingInClusterMode, error.Message);
        Assert.Contains("Kasify:Cluster:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kasify:Cluster:Tls:CaCertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kasify:Cluster:Tls:Disabled=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterModeExplicitlyDisabledRunsWithoutTls()
    {
        Assert.Equal(ClusterTransportSecurity.DisabledBySetting, ClusterTlsRules.Resolve(new ClusterTlsOptions { Disabled = true }, clusterMode: true));
    }

    [Fact]
    public void DisabledWinsOverCertificateSettings()
    {
        var options = Complete();
        options.Disabled = true;

        Assert.Equal(ClusterTransportSecurity.DisabledBySetting, ClusterTlsRules.Resolve(options, clusterMode: true));
    }

    [Fact]
    public void EmbeddedModeWithoutSettingsStaysOnLoopback()
    {
        Assert.Equal(ClusterTransportSecurity.Loopback, ClusterTlsRules.Resolve(new ClusterTlsOptions(), clusterMode: false));
        Assert.Equal(ClusterTransportSecurity.Loopback, ClusterTlsRules.Resolve(new ClusterTlsOptions { Disabled = true }, clusterMode: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CompleteSettingsMeanMutualTlsInEitherMode(bool clusterMode)
    {
        Assert.Equal(ClusterTransportSecurity.MutualTls, ClusterTlsRules.Resolve(Complete(), clusterMode));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACertificateWithoutTheAuthorityIsRefused(bool clusterMode)
    {
        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterTlsRules.Resolve(new ClusterTlsOptions { CertificatePath = "node.pfx" }, clusterMode));

        Assert.StartsWith("Kasify:Cluster:Tls:CaCertificatePath is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnAuthorityOrKeyWithoutACertificateIsRefused(bool clusterMode)
    {
        var withAuthority = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterTlsRules.Resolve(new ClusterTlsOptions { CaCertificatePath = "ca.pem" }, clusterMode));
        var withKey = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterTlsRules.Resolve(new ClusterTlsOptions { KeyPath = "node.key", CaCertificatePath = "ca.pem" }, clusterMode));

        Assert.StartsWith("Kasify:Cluster:Tls:CertificatePath is required", withAuthority.Message, StringComparison.Ordinal);
        Assert.StartsWith("Kasify:Cluster:Tls:CertificatePath is required", withKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankPathsCountAsUnset()
    {
        var blank = new ClusterTlsOptions { CertificatePath = " ", KeyPath = "", CaCertificatePath = "\t" };

        Assert.Throws<ClusterTlsConfigurationException>(() => ClusterTlsRules.Resolve(blank, clusterMode: true));
        Assert.Equal(ClusterTransportSecurity.Loopback, ClusterTlsRules.Resolve(blank, clusterMode: false));
    }
}
