namespace Kasify.Grains.Outbound;

/// <summary>
/// The policy for calls to addresses users choose (a UniFi console's URL; later iCal feeds), bound from
/// <c>Kasify:Outbound</c>. By default only public addresses are reached: loopback, link-local, cloud metadata,
/// multicast and reserved addresses never are, private ranges only with <see cref="AllowPrivateNetworks"/>.
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// Allows the private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): needed when consoles sit on the
    /// silo's LAN, as UniFi consoles usually do. It exposes that LAN to every registered user, so only turn it on where
    /// the silo's network holds nothing else worth hiding. Cloud metadata addresses stay refused.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Allows 127.0.0.0/8 and ::1: for tests and demos whose fakes listen on the silo's own host, never in production.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The largest answer read from such an address; a larger one fails the call.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long resolving, connecting and the TLS handshake may take together.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP handlers (one per TLS setting, e.g. per pinned certificate) a client keeps pooled; the least recently used goes first.</summary>
    public int MaxPooledHandlers { get; set; } = 64;

    /// <summary>How long a pooled handler may go unused before it is dropped.</summary>
    public TimeSpan HandlerIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
