using Kasify.Hosting.ClusterTls;

namespace Kasify.Api.Hosting;

/// <summary>
/// Which cluster to join, bound from <c>Kasify:Cluster</c>: the section and defaults the silo reads, so one setting
/// (e.g. <c>Kasify__Cluster__ClusterId</c>) configures both processes.
/// </summary>
internal sealed class KasifyClusterOptions
{
    public const string SectionName = "Kasify:Cluster";

    public string ClusterId { get; set; } = "kasify";

    /// <summary>The silo's gateway port on localhost, used in <see cref="StorageMode.Sqlite"/> mode.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Mutual TLS to the gateways, the silos' settings (<c>Kasify:Cluster:Tls</c>) with this host's own certificate.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();
}
