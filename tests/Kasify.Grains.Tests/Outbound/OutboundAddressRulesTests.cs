using System.Net;
using Kasify.Grains.Outbound;

namespace Kasify.Grains.Tests.Outbound;

public sealed class OutboundAddressRulesTests
{
    private static readonly OutboundOptions Strict = new();
    private static readonly OutboundOptions PrivateAllowed = new() { AllowPrivateNetworks = true };
    private static readonly OutboundOptions LoopbackAllowed = new() { AllowLoopback = true };
    private static readonly OutboundOptions Everything = new() { AllowPrivateNetworks = true, AllowLoopback = true };

    [Theory]
    [InlineData("93.184.216.34", OutboundAddressKind.Public)]
    [InlineData("8.8.8.8", OutboundAddressKind.Public)]
    [InlineData("172.15.255.255", OutboundAddressKind.Public)]
    [InlineData("172.32.0.1", OutboundAddressKind.Public)]
    [InlineData("100.63.255.255", OutboundAddressKind.Public)]
    [InlineData("100.128.0.1", OutboundAddressKind.Public)]
    [InlineData("169.253.255.255", OutboundAddressKind.Public)]
    [InlineData("223.255.255.255", OutboundAddressKind.Public)]
    [InlineData("2606:4700:4700::1111", OutboundAddressKind.Public)]
    [InlineData("2a00:1450:4001:80b::200e", OutboundAddressKind.Public)]
    [InlineData("0.0.0.0", OutboundAddressKind.Unspecified)]
    [InlineData("0.1.2.3", OutboundAddressKind.Unspecified)]
    [InlineData("::", OutboundAddressKind.Unspecified)]
    [InlineData("127.0.0.1", OutboundAddressKind.Loopback)]
    [InlineData("127.255.255.254", OutboundAddressKind.Loopback)]
    [InlineData("::1", OutboundAddressKind.Loopback)]
    [InlineData("169.254.0.1", OutboundAddressKind.LinkLocal)]
    [InlineData("169.254.255.255", OutboundAddressKind.LinkLocal)]
    [InlineData("fe80::1", OutboundAddressKind.LinkLocal)]
    [InlineData("fe80::1%2", OutboundAddressKind.LinkLocal)]
    [InlineData("febf:ffff::1", OutboundAddressKind.LinkLocal)]
    [InlineData("169.254.169.254", OutboundAddressKind.Metadata)]
    [InlineData("169.254.170.2", OutboundAddressKind.Metadata)]
    [InlineData("fd00:ec2::254", OutboundAddressKind.Metadata)]
    [InlineData("100.100.100.200", OutboundAddressKind.Metadata)]
    [InlineData("192.0.0.192", OutboundAddressKind.Metadata)]
    [InlineData("168.63.129.16", OutboundAddressKind.Metadata)]
    [InlineData("10.0.0.1", OutboundAddressKind.Private)]
    [InlineData("10.255.255.255", OutboundAddressKind.Private)]
    [InlineData("172.16.0.1", OutboundAddressKind.Private)]
    [InlineData("172.31.255.255", OutboundAddressKind.Private)]
    [InlineData("192.168.1.1", OutboundAddressKind.Private)]
    [InlineData("100.64.0.1", OutboundAddressKind.Private)]
    [InlineData("100.127.255.255", OutboundAddressKind.Private)]
    [InlineData("fc00::1", OutboundAddressKind.Private)]
    [InlineData("fd12:3456:789a::1", OutboundAddressKind.Private)]
    [InlineData("fec0::1", OutboundAddressKind.Private)]
    [InlineData("224.0.0.1", OutboundAddressKind.Multicast)]
    [InlineData("239.255.255.250", OutboundAddressKind.Multicast)]
    [InlineData("ff02::1", OutboundAddressKind.Multicast)]
    [InlineData("255.255.255.255", OutboundAddressKind.Broadcast)]
    [InlineData("240.0.0.1", OutboundAddressKind.Reserved)]
    [InlineData("192.0.0.8", OutboundAddressKind.Reserved)]
    [InlineData("192.0.2.1", OutboundAddressKind.Reserved)]
    [InlineData("198.18.0.1", OutboundAddressKind.Reserved)]
    [InlineData("198.51.100.7", OutboundAddressKind.Reserved)]
    [InlineData("203.0.113.9", OutboundAddressKind.Reserved)]
    [InlineData("192.88.99.1", OutboundAddressKind.Reserved)]
    [InlineData("::7f00:1", OutboundAddressKind.Reserved)]
    [InlineData("::ffff:0:7f00:1", OutboundAddressKind.Reserved)]
    [InlineData("64:ff9b:1::a00:1", OutboundAddressKind.Reserved)]
    [InlineData("100::1", OutboundAddressKind.Reserved)]
    [InlineData("2001::1", OutboundAddressKind.Reserved)]
    [InlineData("2001:db8::1", OutboundAddressKind.Reserved)]
    [InlineData("3fff::1", OutboundAddressKind.Reserved)]
    public void EachRangeIsClassified(string address, OutboundAddressKind kind)
    {
        Assert.Equal(kind, OutboundAddressRules.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1", OutboundAddressKind.Loopback)]
    [InlineData("::ffff:169.254.169.254", OutboundAddressKind.Metadata)]
    [InlineData("::ffff:169.254.1.1", OutboundAddressKind.LinkLocal)]
    [InlineData("::ffff:10.1.2.3", OutboundAddressKind.Private)]
    [InlineData("::ffff:192.168.0.10", OutboundAddressKind.Private)]
    [InlineData("::ffff:100.100.100.200", OutboundAddressKind.Metadata)]
    [InlineData("::ffff:0.0.0.0", OutboundAddressKind.Unspecified)]
    [InlineData("::ffff:224.0.0.1", OutboundAddressKind.Multicast)]
    [InlineData("::ffff:255.255.255.255", OutboundAddressKind.Broadcast)]
    [InlineData("::ffff:8.8.8.8", OutboundAddressKind.Public)]
    [InlineData("64:ff9b::a9fe:a9fe", OutboundAddressKind.Metadata)]
    [InlineData("64:ff9b::7f00:1", OutboundAddressKind.Loopback)]
    [InlineData("64:ff9b::808:808", OutboundAddressKind.Public)]
    [InlineData("2002:a9fe:a9fe::1", OutboundAddressKind.Metadata)]
    [InlineData("2002:c0a8:0101::1", OutboundAddressKind.Private)]
    [InlineData("2002:0808:0808::1", OutboundAddressKind.Public)]
    public void AnIPv6FormOfAnIPv4AddressIsWhatTheIPv4AddressIs(string address, OutboundAddressKind kind)
    {
        Assert.Equal(kind, OutboundAddressRules.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8", true, true, true, true)]
    [InlineData("2606:4700:4700::1111", true, true, true, true)]
    [InlineData("10.1.2.3", false, true, false, true)]
    [InlineData("192.168.1.20", false, true, false, true)]
    [InlineData("fd12::1", false, true, false, true)]
    [InlineData("::ffff:172.20.0.1", false, true, false, true)]
    [InlineData("127.0.0.1", false, false, true, true)]
    [InlineData("::1", false, false, true, true)]
    [InlineData("::ffff:127.0.0.1", false, false, true, true)]
    [InlineData("169.254.169.254", false, false, false, false)]
    [InlineData("fd00:ec2::254", false, false, false, false)]
    [InlineData("100.100.100.200", false, false, false, false)]
    [InlineData("169.254.10.10", false, false, false, false)]
    [InlineData("fe80::1", false, false, false, false)]
    [InlineData("0.0.0.0", false, false, false, false)]
    [InlineData("::", false, false, false, false)]
    [InlineData("224.0.0.251", false, false, false, false)]
    [InlineData("255.255.255.255", false, false, false, false)]
    [InlineData("240.1.1.1", false, false, false, false)]
    public void TheSettingsAllowPrivateAndLoopbackAddressesOnlyAndEachOnlyItsOwn(
        string address, bool strict, bool privateAllowed, bool loopbackAllowed, bool everything)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(
            (strict, privateAllowed, loopbackAllowed, everything),
            (OutboundAddressRules.IsAllowed(ip, Strict), OutboundAddressRules.IsAllowed(ip, PrivateAllowed),
                OutboundAddressRules.IsAllowed(ip, LoopbackAllowed), OutboundAddressRules.IsAllowed(ip, Everything)));
    }

    [Fact]
    public void TheDefaultsAllowNeitherPrivateNetworksNorLoopback()
    {
        var defaults = new OutboundOptions();

        Assert.False(defaults.AllowPrivateNetworks);
        Assert.False(defaults.AllowLoopback);
    }

    [Theory]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:4860::1", "2001:4860::1")]
    public void AnIPv4MappedAddressIsConnectedToAsItsIPv4Address(string address, string connected)
    {
        Assert.Equal(IPAddress.Parse(connected), OutboundAddressRules.ConnectableAddress(IPAddress.Parse(address)));
    }
}
