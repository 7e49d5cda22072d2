using System.Net;
using System.Net.Sockets;

namespace Kasify.Silo.Hosting;

/// <summary>
/// Checks that the silo and gateway ports can be bound before Orleans tries, because Orleans reports a taken port with
/// several stack traces.
/// </summary>
internal static class PortCheck
{
    /// <summary>Binds and releases both ports on the address the silo will listen on.</summary>
    /// <exception cref="SocketException">A port is in use (<see cref="SocketError.AddressAlreadyInUse"/>).</exception>
    public static void ThrowIfInUse(KasifySiloOptions options)
    {
        var address = options.Storage.Mode == KasifyStorageMode.Sqlite
            ? IPAddress.Loopback
            : options.Cluster.AdvertisedIp is { } advertised ? IPAddress.Parse(advertised) : IPAddress.Any;
        foreach (var port in new[] { options.Cluster.SiloPort, options.Cluster.GatewayPort })
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
        }
    }
}
