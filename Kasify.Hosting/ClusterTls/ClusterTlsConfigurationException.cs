namespace Kasify.Hosting.ClusterTls;

/// <summary>The cluster TLS settings are missing or invalid, or a certificate file cannot be used; the message names the setting.</summary>
public sealed class ClusterTlsConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterTlsConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message that names the setting.</summary>
    public ClusterTlsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ClusterTlsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
