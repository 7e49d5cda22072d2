using System.Net;
using System.Net.Sockets;

namespace Kasify.Grains.Outbound;

/// <summary>
/// Which addresses a call to a user-chosen URL may reach. IPv6 forms that carry an IPv4 address (IPv4-mapped
/// <c>::ffff:0:0/96</c>, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) are judged by the IPv4 address they lead to.
/// </summary>
public static class OutboundAddressRules
{
    // Outside the ranges that are refused anyway (or inside a private range that a setting may allow), so named one by one.
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, Google Cloud, DigitalOcean, OpenStack instance metadata
        IPAddress.Parse("169.254.170.2"), // AWS ECS task metadata
        IPAddress.Parse("fd00:ec2::254"), // AWS instance metadata over IPv6
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud instance metadata
        IPAddress.Parse("192.0.0.192"), // Oracle Cloud instance metadata
        IPAddress.Parse("168.63.129.16"), // Azure host services (wire server)
    ];

    private static readonly (IPNetwork Network, OutboundAddressKind Kind)[] V4Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), OutboundAddressKind.Unspecified),
        (IPNetwork.Parse("127.0.0.0/8"), OutboundAddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), OutboundAddressKind.LinkLocal),
        (IPNetwork.Parse("10.0.0.0/8"), OutboundAddressKind.Private),
        (IPNetwork.Parse("172.16.0.0/12"), OutboundAddressKind.Private),
        (IPNetwork.Parse("192.168.0.0/16"), OutboundAddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), OutboundAddressKind.Private),
        (IPNetwork.Parse("255.255.255.255/32"), OutboundAddressKind.Broadcast),
        (IPNetwork.Parse("224.0.0.0/4"), OutboundAddressKind.Multicast),
        (IPNetwork.Parse("240.0.0.0/4"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("192.0.0.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("192.0.2.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("192.88.99.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("198.18.0.0/15"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("198.51.100.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("203.0.113.0/24"), OutboundAddressKind.Reserved),
    ];

    private static readonly (IPNetwork Network, OutboundAddressKind Kind)[] V6Ranges =
    [
        (IPNetwork.Parse("::/128"), OutboundAddressKind.Unspecified),
        (IPNetwork.Parse("::1/128"), OutboundAddressKind.Loopback),
        (IPNetwork.Parse("::/96"), OutboundAddressKind.Reserved), // IPv4-compatible, deprecated
        (IPNetwork.Parse("::ffff:0:0:0/96"), OutboundAddressKind.Reserved), // IPv4-translated
        (IPNetwork.Parse("64:ff9b:1::/48"), OutboundAddressKind.Reserved), // local-use NAT64
        (IPNetwork.Parse("100::/64"), OutboundAddressKind.Reserved), // discard
        (IPNetwork.Parse("2001::/23"), OutboundAddressKind.Reserved), // protocol assignments, Teredo included
        (IPNetwork.Parse("2001:db8::/32"), OutboundAddressKind.Reserved), // documentation
        (IPNetwork.Parse("3fff::/20"), OutboundAddressKind.Reserved), // documentation
        (IPNetwork.Parse("fe80::/10"), OutboundAddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), OutboundAddressKind.Private), // site-local, deprecated
        (IPNetwork.Parse("fc00::/7"), OutboundAddressKind.Private),
        (IPNetwork.Parse("ff00::/8"), OutboundAddressKind.Multicast),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>What <paramref name="address"/> is; an IPv6 address carrying an IPv4 one is what that IPv4 address is.</summary>
    public static OutboundAddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (EmbeddedIPv4(address) is { } embedded)
        {
            return Classify(embedded);
        }

        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return OutboundAddressKind.Reserved;
        }

        // The scope of a link-local IPv6 address plays no part in what it is.
        var unscoped = address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
        if (MetadataAddresses.Contains(unscoped))
        {
            return OutboundAddressKind.Metadata;
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? V4Ranges : V6Ranges;
        foreach (var (network, kind) in ranges)
        {
            if (network.Contains(unscoped))
            {
                return kind;
            }
        }

        return OutboundAddressKind.Public;
    }

    /// <summary>Whether <paramref name="options"/> let a call reach <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Classify(address) switch
        {
            OutboundAddressKind.Public => true,
            OutboundAddressKind.Private => options.AllowPrivateNetworks,
            OutboundAddressKind.Loopback => options.AllowLoopback,
            _ => false,
        };
    }

    /// <summary>The address a socket connects to: an IPv4-mapped IPv6 address as the IPv4 address it maps.</summary>
    public static IPAddress ConnectableAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }
}
