using System.Net;
using System.Net.Sockets;

namespace Kasify.Testing;

/// <summary>TCP ports that were free a moment ago, for servers and silos that tests start.</summary>
public static class FreePort
{
    /// <summary>A port the operating system just handed out and released on the loopback interface.</summary>
    public static int Next() => Next(1)[0];

    /// <summary>Distinct free ports: all are held open together, so none is handed out twice.</summary>
    public static int[] Next(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }
}
