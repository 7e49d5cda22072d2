using Microsoft.Extensions.DependencyInjection;
using Orleans.Connections.Security;

namespace Kasify.Hosting.ClusterTls;

/// <summary>Applies <see cref="ClusterTlsOptions"/> to a silo or to a client (the API, tests), the same way for both.</summary>
public static class ClusterTlsHostingExtensions
{
    /// <summary>
    /// Mutual TLS on the silo's inbound silo and gateway connections and on its outbound silo connections, when the
    /// settings ask for it (<see cref="ClusterTlsRules.Resolve"/>); a start-up warning when cluster mode runs without.
    /// </summary>
    /// <exception cref="ClusterTlsConfigurationException">The settings or certificate files cannot be used.</exception>
    public static ISiloBuilder UseKasifyClusterTls(this ISiloBuilder silo, ClusterTlsOptions options, bool clusterMode)
    {
        ArgumentNullException.ThrowIfNull(silo);
        switch (ClusterTlsRules.Resolve(options, clusterMode))
        {
            case ClusterTransportSecurity.MutualTls:
                var certificates = ClusterCertificates.Load(options, acceptsConnections: true);
                silo.UseTls(tls => RequireClusterPeers(tls, certificates));
                break;
            case ClusterTransportSecurity.DisabledBySetting:
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClusterTlsDisabledWarning>();
                break;
        }

        return silo;
    }

    /// <summary>Mutual TLS on the client's gateway connections, when the settings ask for it; a start-up warning when cluster mode runs without.</summary>
    /// <exception cref="ClusterTlsConfigurationException">The settings or certificate files cannot be used.</exception>
    public static IClientBuilder UseKasifyClusterTls(this IClientBuilder client, ClusterTlsOptions options, bool clusterMode)
    {
        ArgumentNullException.ThrowIfNull(client);
        switch (ClusterTlsRules.Resolve(options, clusterMode))
        {
            case ClusterTransportSecurity.MutualTls:
                var certificates = ClusterCertificates.Load(options, acceptsConnections: false);
                client.UseTls(tls => RequireClusterPeers(tls, certificates));
                break;
            case ClusterTransportSecurity.DisabledBySetting:
                client.Services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>, ClusterTlsDisabledWarning>();
                break;
        }

        return client;
    }

    private static void RequireClusterPeers(TlsOptions tls, ClusterCertificates certificates)
    {
        tls.LocalCertificate = certificates.Local;
        // Both ends must show a certificate: a listener refuses a peer without one, and a connecting host always sends its own.
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The cluster authority alone decides. The policy errors SslStream reports are ignored on purpose: they come from
        // the machine's trusted roots (which do not hold the cluster authority) and from host names, while peers are
        // reached by IP address from the membership table; membership in the cluster is the certificate's signature.
        tls.RemoteCertificateValidation = (certificate, chain, _) => certificates.IsClusterMember(certificate, chain);
    }
}
