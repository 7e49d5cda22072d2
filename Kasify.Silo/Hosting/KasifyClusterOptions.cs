using Kasify.Hosting.ClusterTls;

namespace Kasify.Silo.Hosting;

/// <summary>Cluster identity and endpoints (configuration section <c>Kasify:Cluster</c>).</summary>
public sealed class KasifyClusterOptions
{
    /// <summary>Orleans ClusterId: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "kasify";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the API) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// IP address other silos and clients use to reach this silo (Postgres mode). When unset, Orleans picks an address
    /// of this host.
    /// </summary>
    public string? AdvertisedIp { get; set; }

    /// <summary>
    /// Mutual TLS on the silo and gateway ports (section <c>Kasify:Cluster:Tls</c>): required in Postgres mode unless
    /// explicitly disabled, used in Sqlite mode only when configured.
    /// </summary>
    public ClusterTlsOptions Tls { get; set; } = new();
}
