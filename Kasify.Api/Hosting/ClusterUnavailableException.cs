namespace Kasify.Api.Hosting;

/// <summary>The Orleans client is not (yet) connected to any silo; answered with 503 <c>cluster.unavailable</c>.</summary>
internal sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException()
        : base("The Orleans client is not connected to the cluster.")
    {
    }

    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
