using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasify.Hosting.ClusterTls;

namespace Kasify.Testing;

/// <summary>
/// A throwaway certificate authority and host certificates for cluster TLS tests, made in code and written to a temp
/// folder, so silos and clients are configured from files as in production. <see cref="Shared"/> is made once per test
/// process and deleted when it ends.
/// </summary>
public sealed class ClusterTestCertificates
{
    /// <summary>The password of the PFX files.</summary>
    public const string PfxPassword = "kasify-test-pfx";

    private static readonly Lazy<ClusterTestCertificates> SharedCertificates = new(CreateShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private ClusterTestCertificates(string folder)
    {
        Folder = folder;
        Authority = CreateAuthority("Kasify test cluster CA");
        using var impostorAuthority = CreateAuthority("Kasify impostor CA");
        using var silo = Issue(Authority, "kasify-test-silo", ClusterCertificates.ServerAuthenticationOid, ClusterCertificates.ClientAuthenticationOid);
        using var client = Issue(Authority, "kasify-test-api", ClusterCertificates.ClientAuthenticationOid);
        using var impostor = Issue(impostorAuthority, "kasify-impostor", ClusterCertificates.ServerAuthenticationOid, ClusterCertificates.ClientAuthenticationOid);

        File.WriteAllText(CaCertificatePath, Authority.ExportCertificatePem());
        File.WriteAllBytes(SiloPfxPath, silo.Export(X509ContentType.Pkcs12, PfxPassword));
        File.WriteAllText(ClientCertificatePath, client.ExportCertificatePem());
        File.WriteAllText(ClientKeyPath, client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(ImpostorPfxPath, impostor.Export(X509ContentType.Pkcs12, PfxPassword));
        // The impostor trusts both authorities: its own certificate passes its start-up check, and it accepts the real silos.
        File.WriteAllText(ImpostorTrustPath, impostorAuthority.ExportCertificatePem() + "\n" + Authority.ExportCertificatePem());
    }

    /// <summary>The process-wide set, made on first use.</summary>
    public static ClusterTestCertificates Shared => SharedCertificates.Value;

    /// <summary>The cluster authority, with its key, for tests that issue more certificates.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The folder holding the files.</summary>
    public string Folder { get; }

    /// <summary>The cluster authority's certificate (PEM).</summary>
    public string CaCertificatePath => Path.Combine(Folder, "ca.pem");

    /// <summary>A silo certificate (server and client authentication) signed by the authority, with its key (PFX).</summary>
    public string SiloPfxPath => Path.Combine(Folder, "silo.pfx");

    /// <summary>An API certificate (client authentication) signed by the authority (PEM); its key is <see cref="ClientKeyPath"/>.</summary>
    public string ClientCertificatePath => Path.Combine(Folder, "api.crt");

    /// <summary>The PEM (PKCS#8) key of <see cref="ClientCertificatePath"/>.</summary>
    public string ClientKeyPath => Path.Combine(Folder, "api.key");

    private string ImpostorPfxPath => Path.Combine(Folder, "impostor.pfx");

    private string ImpostorTrustPath => Path.Combine(Folder, "impostor-trust.pem");

    /// <summary>Settings for a silo: <see cref="SiloPfxPath"/> and the authority.</summary>
    public ClusterTlsOptions SiloTls() => new() { CertificatePath = SiloPfxPath, Password = PfxPassword, CaCertificatePath = CaCertificatePath };

    /// <summary>Settings for an API host or test client: the PEM pair and the authority.</summary>
    public ClusterTlsOptions ClientTls() => new() { CertificatePath = ClientCertificatePath, KeyPath = ClientKeyPath, CaCertificatePath = CaCertificatePath };

    /// <summary>
    /// Settings for a host whose certificate is signed by another authority: it trusts the cluster's authority, so only
    /// the cluster's side can refuse it.
    /// </summary>
    public ClusterTlsOptions ImpostorTls() => new() { CertificatePath = ImpostorPfxPath, Password = PfxPassword, CaCertificatePath = ImpostorTrustPath };

    /// <summary>A self-signed certificate authority valid from yesterday for a year, with its key.</summary>
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>A host certificate signed by <paramref name="authority"/>, valid from yesterday for 30 days, with its key.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string name, params string[] usages) =>
        Issue(authority, name, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), usages);

    /// <summary>A host certificate signed by <paramref name="authority"/> for the given validity period, with its key.</summary>
    public static X509Certificate2 Issue(
        X509Certificate2 authority, string name, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] usages)
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var usageOids = new OidCollection();
        foreach (var usage in usages)
        {
            usageOids.Add(new Oid(usage));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usageOids, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var signed = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return signed.CopyWithPrivateKey(key);
    }

    private static ClusterTestCertificates CreateShared()
    {
        var folder = Directory.CreateTempSubdirectory("kasify-tls-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return new ClusterTestCertificates(folder);
    }
}
