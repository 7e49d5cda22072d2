using System.Security.Cryptography.X509Certificates;
using Kasify.Hosting.ClusterTls;
using Kasify.Testing;

namespace Kasify.Grains.Tests.ClusterTls;

/// <summary>Reading a host's certificate and the cluster authority from files, and the test every peer must pass.</summary>
public sealed class ClusterCertificatesTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void APfxAndAPemPairSignedByTheAuthorityLoad()
    {
        var silo = ClusterCertificates.Load(ClusterTestCertificates.Shared.SiloTls(), acceptsConnections: true);
        var client = ClusterCertificates.Load(ClusterTestCertificates.Shared.ClientTls(), acceptsConnections: false);

        Assert.True(silo.Local.HasPrivateKey);
        Assert.True(client.Local.HasPrivateKey);
        Assert.Equal("CN=kasify-test-silo", silo.Local.Subject);
        Assert.Equal("CN=kasify-test-api", client.Local.Subject);
    }

    [Fact]
    public void APemFileHoldingCertificateAndKeyNeedsNoKeyPath()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("test CA");
        using var node = ClusterTestCertificates.Issue(authority, "node", ClusterCertificates.ClientAuthenticationOid);
        var path = Write("node.pem", node.ExportCertificatePem() + "\n" + node.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var loaded = ClusterCertificates.Load(Options(path, WriteAuthority(authority)), acceptsConnections: false);

        Assert.True(loaded.Local.HasPrivateKey);
    }

    [Fact]
    public void AnEncryptedPemKeyIsReadWithThePassword()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("test CA");
        using var node = ClusterTestCertificates.Issue(authority, "node", ClusterCertificates.ClientAuthenticationOid);
        var encryption = new System.Security.Cryptography.PbeParameters(
            System.Security.Cryptography.PbeEncryptionAlgorithm.Aes256Cbc, System.Security.Cryptography.HashAlgorithmName.SHA256, 100_000);
        var certificatePath = Write("node.crt", node.ExportCertificatePem());
        var keyPath = Write("node.key", node.GetECDsaPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem("key-secret", encryption));
        var options = Options(certificatePath, WriteAuthority(authority));
        options.KeyPath = keyPath;

        var withoutPassword = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(options, acceptsConnections: false));
        options.Password = "key-secret";
        var loaded = ClusterCertificates.Load(options, acceptsConnections: false);

        Assert.Contains("Kasify:Cluster:Tls:CertificatePath", withoutPassword.Message, StringComparison.Ordinal);
        Assert.True(loaded.Local.HasPrivateKey);
    }

    [Fact]
    public void ACertificateFromAnotherAuthorityStopsTheHostAtStart()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("cluster CA");
        using var other = ClusterTestCertificates.CreateAuthority("other CA");
        using var node = ClusterTestCertificates.Issue(other, "node", ClusterCertificates.ClientAuthenticationOid);

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificates.Load(Options(WritePfx("node.pfx", node), WriteAuthority(authority), ClusterTestCertificates.PfxPassword), acceptsConnections: false));

        Assert.Contains("is not signed by the authority in Kasify:Cluster:Tls:CaCertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpiredCertificateStopsTheHostAtStart()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("cluster CA");
        using var expired = ClusterTestCertificates.Issue(
            authority, "node", authority.NotBefore, DateTimeOffset.UtcNow.AddHours(-1), ClusterCertificates.ClientAuthenticationOid);

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificates.Load(Options(WritePfx("node.pfx", expired), WriteAuthority(authority), ClusterTestCertificates.PfxPassword), acceptsConnections: false));

        Assert.Contains("outside its validity period", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASiloNeedsACertificateThatAllowsServerAuthentication()
    {
        var clientOnly = ClusterTestCertificates.Shared.ClientTls();

        var error = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(clientOnly, acceptsConnections: true));

        Assert.Contains("does not allow server authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryHostNeedsACertificateThatAllowsClientAuthentication()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("cluster CA");
        using var serverOnly = ClusterTestCertificates.Issue(authority, "node", ClusterCertificates.ServerAuthenticationOid);

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificates.Load(Options(WritePfx("node.pfx", serverOnly), WriteAuthority(authority), ClusterTestCertificates.PfxPassword), acceptsConnections: true));

        Assert.Contains("does not allow client authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateWithoutItsKeyIsRefused()
    {
        using var authority = ClusterTestCertificates.CreateAuthority("cluster CA");
        using var node = ClusterTestCertificates.Issue(authority, "node", ClusterCertificates.ClientAuthenticationOid);
        var options = Options(Write("node.crt", node.ExportCertificatePem()), WriteAuthority(authority));

        var error = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(options, acceptsConnections: false));

        Assert.StartsWith("Cannot read this host's certificate from Kasify:Cluster:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrUnreadableFilesNameTheirSetting()
    {
        var shared = ClusterTestCertificates.Shared;
        var missingCertificate = new ClusterTlsOptions { CertificatePath = Path.Combine(_folder.Path, "absent.pfx"), CaCertificatePath = shared.CaCertificatePath };
        var missingAuthority = shared.SiloTls();
        missingAuthority.CaCertificatePath = Path.Combine(_folder.Path, "absent-ca.pem");
        var wrongPassword = shared.SiloTls();
        wrongPassword.Password = "not-the-password";
        var notACertificate = new ClusterTlsOptions { CertificatePath = shared.SiloPfxPath, Password = ClusterTestCertificates.PfxPassword, CaCertificatePath = Write("ca.pem", "not a certificate") };

        Assert.StartsWith(
            "Cannot read this host's certificate from Kasify:Cluster:Tls:CertificatePath",
            Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(missingCertificate, acceptsConnections: true)).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Cannot read the cluster's certificate authority from Kasify:Cluster:Tls:CaCertificatePath",
            Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(missingAuthority, acceptsConnections: true)).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Cannot read this host's certificate from Kasify:Cluster:Tls:CertificatePath",
            Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(wrongPassword, acceptsConnections: true)).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Cannot read the cluster's certificate authority from Kasify:Cluster:Tls:CaCertificatePath",
            Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificates.Load(notACertificate, acceptsConnections: true)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyCertificatesThatChainToTheAuthorityAreClusterMembers()
    {
        var cluster = ClusterCertificates.Load(ClusterTestCertificates.Shared.SiloTls(), acceptsConnections: true);
        var authority = ClusterTestCertificates.Shared.Authority;
        using var member = ClusterTestCertificates.Issue(authority, "member", ClusterCertificates.ClientAuthenticationOid);
        using var other = ClusterTestCertificates.CreateAuthority("other CA");
        using var stranger = ClusterTestCertificates.Issue(other, "stranger", ClusterCertificates.ClientAuthenticationOid);
        using var selfSigned = ClusterTestCertificates.CreateAuthority("kasify-test-silo");
        using var expired = ClusterTestCertificates.Issue(
            authority, "expired", authority.NotBefore, DateTimeOffset.UtcNow.AddMinutes(-5), ClusterCertificates.ClientAuthenticationOid);

        Assert.True(cluster.IsClusterMember(member, presentedChain: null));
        Assert.False(cluster.IsClusterMember(stranger, presentedChain: null));
        Assert.False(cluster.IsClusterMember(selfSigned, presentedChain: null));
        Assert.False(cluster.IsClusterMember(expired, presentedChain: null));
    }

    [Fact]
    public void APresentedChainCannotMakeAStrangerTrusted()
    {
        var cluster = ClusterCertificates.Load(ClusterTestCertificates.Shared.SiloTls(), acceptsConnections: true);
        using var other = ClusterTestCertificates.CreateAuthority("other CA");
        using var stranger = ClusterTestCertificates.Issue(other, "stranger", ClusterCertificates.ClientAuthenticationOid);
        using var presented = new X509Chain();
        presented.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        presented.ChainPolicy.CustomTrustStore.Add(other);
        presented.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(presented.Build(stranger));

        Assert.False(cluster.IsClusterMember(stranger, presented));
    }

    private static ClusterTlsOptions Options(string certificatePath, string authorityPath, string? password = null) =>
        new() { CertificatePath = certificatePath, CaCertificatePath = authorityPath, Password = password };

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string WritePfx(string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, ClusterTestCertificates.PfxPassword));
        return path;
    }

    private string WriteAuthority(X509Certificate2 authority) => Write("ca.pem", authority.ExportCertificatePem());
}
