namespace Kasify.Hosting.ClusterTls;

/// <summary>How a host protects its silo, gateway and client connections (see <see cref="ClusterTlsRules.Resolve"/>).</summary>
public enum ClusterTransportSecurity
{
    /// <summary>No TLS: an embedded silo and its API on loopback, with no TLS settings.</summary>
    Loopback,

    /// <summary>Mutual TLS: both ends present a certificate signed by the cluster's certificate authority.</summary>
    MutualTls,

    /// <summary>No TLS in cluster mode, because <see cref="ClusterTlsOptions.Disabled"/> says so; logged as a warning at start.</summary>
    DisabledBySetting,
}
