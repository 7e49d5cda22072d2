namespace Kasify.Grains.Outbound;

/// <summary>What an IP address is, for the outbound policy (<see cref="OutboundAddressRules"/>).</summary>
public enum OutboundAddressKind
{
    /// <summary>Globally routable: always allowed.</summary>
    Public,

    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7, fec0::/10: allowed by a setting.</summary>
    Private,

    /// <summary>127/8, ::1: allowed by a setting for tests and demos.</summary>
    Loopback,

    /// <summary>169.254/16, fe80::/10: never.</summary>
    LinkLocal,

    /// <summary>A cloud provider's instance metadata or host service (169.254.169.254, fd00:ec2::254, 100.100.100.200, …): never.</summary>
    Metadata,

    /// <summary>0.0.0.0/8, ::: never.</summary>
    Unspecified,

    /// <summary>224/4, ff00::/8: never.</summary>
    Multicast,

    /// <summary>255.255.255.255: never.</summary>
    Broadcast,

    /// <summary>Reserved, documentation, benchmarking, discard and deprecated ranges: never.</summary>
    Reserved,
}
