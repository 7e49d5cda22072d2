using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kasify.Hosting.ClusterTls;

/// <summary>
/// A host's certificate and the cluster's certificate authority, read from the files <see cref="ClusterTlsOptions"/>
/// name, and the one test every peer certificate must pass: it chains to that authority, and only to it (the machine's
/// trusted roots play no part).
/// </summary>
public sealed class ClusterCertificates
{
    /// <summary>Extended key usage "TLS Web Server Authentication": needed by hosts that accept connections (silos).</summary>
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Extended key usage "TLS Web Client Authentication": needed by every host, since every host connects.</summary>
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2Collection _authorities;

    private ClusterCertificates(X509Certificate2 local, X509Certificate2Collection authorities)
    {
        Local = local;
        _authorities = authorities;
    }

    /// <summary>This host's certificate, with its private key.</summary>
    public X509Certificate2 Local { get; }

    /// <summary>
    /// Reads the files and checks them now, so a wrong file stops the host at start with the setting's name rather than
    /// failing every handshake later: the certificate has its private key, allows client authentication (and server
    /// authentication when <paramref name="acceptsConnections"/>), is valid today and chains to the authority.
    /// </summary>
    /// <exception cref="ClusterTlsConfigurationException">A file is missing, unreadable or unfit.</exception>
    public static ClusterCertificates Load(ClusterTlsOptions options, bool acceptsConnections)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ClusterTlsRules.Resolve(options, clusterMode: true) != ClusterTransportSecurity.MutualTls)
        {
            throw new ClusterTlsConfigurationException(ClusterTlsRules.MissingInClusterMode);
        }

        var certificates = new ClusterCertificates(LoadLocal(options), LoadAuthorities(options.CaCertificatePath!));
        var local = certificates.Local;
        if (!local.HasPrivateKey)
        {
            throw new ClusterTlsConfigurationException(
                $"Kasify:Cluster:Tls:CertificatePath {options.CertificatePath} has no private key: use a PFX that holds it, or set Kasify:Cluster:Tls:KeyPath.");
        }

        RequireUsage(local, ClientAuthenticationOid, "client authentication (clientAuth)");
        if (acceptsConnections)
        {
            RequireUsage(local, ServerAuthenticationOid, "server authentication (serverAuth)");
        }

        if (!certificates.IsClusterMember(local, presentedChain: null))
        {
            throw new ClusterTlsConfigurationException(
                $"Kasify:Cluster:Tls:CertificatePath {options.CertificatePath} ({local.Subject}) is not signed by the authority in "
                + $"Kasify:Cluster:Tls:CaCertificatePath {options.CaCertificatePath}, or is outside its validity period "
                + $"({local.NotBefore:u} to {local.NotAfter:u}).");
        }

        return certificates;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> is valid today and chains to the cluster's authority. Intermediates the
    /// peer sent (<paramref name="presentedChain"/>) may complete the chain but are never trusted themselves.
    /// Revocation is not checked: a private cluster authority publishes no revocation list; replace the authority to
    /// revoke.
    /// </summary>
    public bool IsClusterMember(X509Certificate2 certificate, X509Chain? presentedChain)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadLocal(ClusterTlsOptions options)
    {
        var path = Path.GetFullPath(options.CertificatePath!);
        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? null : Path.GetFullPath(options.KeyPath);
        try
        {
            if (X509Certificate2.GetCertContentType(path) == X509ContentType.Pkcs12)
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.Password);
            }

            return string.IsNullOrEmpty(options.Password)
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.Password, keyPath);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ClusterTlsConfigurationException(
                $"Cannot read this host's certificate from Kasify:Cluster:Tls:CertificatePath {path}"
                + (keyPath is null ? "" : $" and KeyPath {keyPath}") + $": {exception.Message}",
                exception);
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string configuredPath)
    {
        var path = Path.GetFullPath(configuredPath);
        try
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(path);
            if (authorities.Count == 0)
            {
                authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return authorities;
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ClusterTlsConfigurationException(
                $"Cannot read the cluster's certificate authority from Kasify:Cluster:Tls:CaCertificatePath {path}: {exception.Message}", exception);
        }
    }

    private static void RequireUsage(X509Certificate2 certificate, string oid, string usage)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        if (usages.Count > 0 && !usages.Any(extension => extension.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == oid)))
        {
            throw new ClusterTlsConfigurationException(
                $"Kasify:Cluster:Tls:CertificatePath ({certificate.Subject}) does not allow {usage}: its extended key usage must include {oid}.");
        }
    }
}
