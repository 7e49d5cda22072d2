namespace Kasify.Hosting.ClusterTls;

/// <summary>
/// Transport security between silos and between the API (an Orleans client) and the silos' gateways, bound from
/// <c>Kasify:Cluster:Tls</c> by both hosts. Every silo and API host presents its own certificate, and accepts a peer only
/// when the peer's certificate chains to the cluster's certificate authority (<see cref="CaCertificatePath"/>).
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>
    /// This host's certificate: a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) holding the certificate and its private key, or a
    /// PEM certificate whose key is in <see cref="KeyPath"/> or in the same file. Relative paths resolve against the
    /// working directory.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>, when it is not in the certificate file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 <see cref="CertificatePath"/> or of an encrypted PEM key; none when unset.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The cluster's certificate authority (PEM, one or more certificates, or DER): a peer is accepted only when its
    /// certificate chains to a certificate in this file. Use an authority that signs nothing but this cluster's hosts.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>
    /// Turns transport security off in Postgres mode, for a private network that nothing else can reach. The host then
    /// logs a warning at every start.
    /// </summary>
    public bool Disabled { get; set; }
}
