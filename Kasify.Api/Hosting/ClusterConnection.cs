namespace Kasify.Api.Hosting;

/// <summary>Whether the Orleans client has connected to the cluster, so requests fail fast instead of waiting.</summary>
internal sealed class ClusterConnection
{
    private volatile bool _isConnected;

    public ClusterConnection(bool isConnected) => _isConnected = isConnected;

    public bool IsConnected => _isConnected;

    public void MarkConnected() => _isConnected = true;

    public void MarkDisconnected() => _isConnected = false;

    /// <summary>Throws <see cref="ClusterUnavailableException"/> until the client has connected.</summary>
    public void EnsureConnected()
    {
        if (!_isConnected)
        {
            throw new ClusterUnavailableException();
        }
    }
}
