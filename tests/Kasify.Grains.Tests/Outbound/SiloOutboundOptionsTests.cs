using Kasify.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Tests.Outbound;

/// <summary>The silo binds <c>Kasify:Outbound</c>, is strict without it, and refuses settings it could not apply.</summary>
public sealed class SiloOutboundOptionsTests
{
    private static KasifySiloOptions Bind(params (string Key, string Value)[] settings) =>
        KasifySiloOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build());

    [Fact]
    public void WithoutSettingsNeitherPrivateNetworksNorLoopbackAreReached()
    {
        var options = Bind();

        Assert.Equal((false, false), (options.Outbound.AllowPrivateNetworks, options.Outbound.AllowLoopback));
        Assert.Equal(4 * 1024 * 1024, options.Outbound.MaxResponseBytes);
    }

    [Fact]
    public void TheOutboundSectionIsBound()
    {
        var options = Bind(
            ("Kasify:Outbound:AllowPrivateNetworks", "true"),
            ("Kasify:Outbound:AllowLoopback", "true"),
            ("Kasify:Outbound:MaxResponseBytes", "1048576"),
            ("Kasify:Outbound:ConnectTimeout", "00:00:03"),
            ("Kasify:Outbound:MaxPooledHandlers", "8"),
            ("Kasify:Outbound:HandlerIdleTimeout", "00:01:00"));

        var outbound = options.Outbound;
        Assert.Equal(
            (true, true, 1048576L, TimeSpan.FromSeconds(3), 8, TimeSpan.FromMinutes(1)),
            (outbound.AllowPrivateNetworks, outbound.AllowLoopback, outbound.MaxResponseBytes, outbound.ConnectTimeout, outbound.MaxPooledHandlers,
                outbound.HandlerIdleTimeout));
    }

    [Theory]
    [InlineData("Kasify:Outbound:MaxResponseBytes", "0")]
    [InlineData("Kasify:Outbound:MaxResponseBytes", "4294967296")]
    [InlineData("Kasify:Outbound:ConnectTimeout", "00:00:00")]
    [InlineData("Kasify:Outbound:MaxPooledHandlers", "0")]
    [InlineData("Kasify:Outbound:HandlerIdleTimeout", "-00:00:01")]
    public void UnusableSettingsStopTheSilo(string key, string value)
    {
        var exception = Assert.Throws<KasifyConfigurationException>(() => Bind((key, value)));

        Assert.Contains(key[(key.LastIndexOf(':') + 1)..], exception.Message, StringComparison.Ordinal);
    }
}
