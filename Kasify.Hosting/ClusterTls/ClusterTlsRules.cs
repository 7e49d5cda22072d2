namespace Kasify.Hosting.ClusterTls;

/// <summary>Which transport security a host uses, decided from its settings and storage mode alone (no files read).</summary>
public static class ClusterTlsRules
{
    /// <summary>The configuration section both hosts bind <see cref="ClusterTlsOptions"/> from.</summary>
    public const string SectionName = "Kasify:Cluster:Tls";

    /// <summary>The start-up refusal of a cluster-mode host without TLS settings.</summary>
    public const string MissingInClusterMode =
        "Kasify:Cluster:Tls is required in Postgres mode, where the silo and gateway ports are reachable from the network: set "
        + "Kasify:Cluster:Tls:CertificatePath (this host's certificate, PFX or PEM), Kasify:Cluster:Tls:KeyPath (its PEM key, unless "
        + "the certificate file holds it), Kasify:Cluster:Tls:Password (if the PFX or key has one) and Kasify:Cluster:Tls:CaCertificatePath "
        + "(the cluster's certificate authority), e.g. with the files scripts/cluster-certificates.sh makes. Only on a private network "
        + "that nothing else can reach, Kasify:Cluster:Tls:Disabled=true runs the cluster without TLS.";

    /// <summary>The warning a cluster-mode host logs at start when <see cref="ClusterTlsOptions.Disabled"/> is set.</summary>
    public const string DisabledWarning =
        "CLUSTER TLS IS DISABLED (Kasify:Cluster:Tls:Disabled=true): silo-to-silo and gateway connections are neither encrypted nor "
        + "authenticated, so anything that reaches the silo or gateway ports can call grains and read guests' identity data and vendor "
        + "secrets. Run like this only on a private network that nothing else can reach.";

    /// <summary>
    /// The transport security <paramref name="options"/> ask for. In cluster mode (Postgres) TLS is required unless
    /// explicitly disabled; in embedded mode (localhost clustering on loopback) it is used only when configured.
    /// </summary>
    /// <exception cref="ClusterTlsConfigurationException">The settings are missing or incomplete.</exception>
    public static ClusterTransportSecurity Resolve(ClusterTlsOptions options, bool clusterMode) =>
        FindProblem(options, clusterMode) is { } problem
            ? throw new ClusterTlsConfigurationException(problem)
            : options switch
            {
                { Disabled: true } => clusterMode ? ClusterTransportSecurity.DisabledBySetting : ClusterTransportSecurity.Loopback,
                _ when IsConfigured(options) => ClusterTransportSecurity.MutualTls,
                _ => ClusterTransportSecurity.Loopback,
            };

    /// <summary>What is wrong with <paramref name="options"/> (a message naming the settings), or null when they can be used.</summary>
    public static string? FindProblem(ClusterTlsOptions options, bool clusterMode)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Disabled)
        {
            return null;
        }

        if (!IsConfigured(options))
        {
            return clusterMode ? MissingInClusterMode : null;
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return "Kasify:Cluster:Tls:CertificatePath is required with the other Kasify:Cluster:Tls settings: this host's certificate (PFX or PEM).";
        }

        return string.IsNullOrWhiteSpace(options.CaCertificatePath)
            ? "Kasify:Cluster:Tls:CaCertificatePath is required with Kasify:Cluster:Tls:CertificatePath: the cluster's certificate "
                + "authority, which every peer's certificate must chain to."
            : null;
    }

    private static bool IsConfigured(ClusterTlsOptions options) =>
        !string.IsNullOrWhiteSpace(options.CertificatePath)
        || !string.IsNullOrWhiteSpace(options.KeyPath)
        || !string.IsNullOrWhiteSpace(options.CaCertificatePath);
}
