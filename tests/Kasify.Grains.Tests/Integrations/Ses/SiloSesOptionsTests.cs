using Kasify.Grains.Interfaces.Integrations;
using Kasify.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The silo binds <c>Kasify:Ses</c> into its options and refuses settings the client could not use.</summary>
public sealed class SiloSesOptionsTests
{
    private static KasifySiloOptions Bind(params (string Key, string Value)[] settings) =>
        KasifySiloOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build());

    [Fact]
    public void TheSesSectionIsBound()
    {
        var options = Bind(
            ("Kasify:Ses:EndpointUrl", "http://127.0.0.1:18083/hospedajes-web/ws/v1/comunicacion"),
            ("Kasify:Ses:Application", "Kasify PMS"),
            ("Kasify:Ses:AttemptTimeout", "00:00:05"),
            ("Kasify:Ses:TrustedCertificatePaths:0", "/etc/kasify/fnmt-root.pem"),
            ("Kasify:Ses:TrustedCertificatePaths:1", "/etc/kasify/fnmt-componentes.cer"));

        Assert.Equal(new Uri("http://127.0.0.1:18083/hospedajes-web/ws/v1/comunicacion"), options.Ses.EndpointFor(SesEnvironment.Production));
        Assert.Equal("Kasify PMS", options.Ses.Application);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Ses.AttemptTimeout);
        Assert.Equal(["/etc/kasify/fnmt-root.pem", "/etc/kasify/fnmt-componentes.cer"], options.Ses.TrustedCertificatePaths);
    }

    [Theory]
    [InlineData("Kasify:Ses:EndpointUrl", "ftp://fake.test/ws")]
    [InlineData("Kasify:Ses:Application", "012345678901234567890123456789012345678901234567890")]
    [InlineData("Kasify:Ses:AttemptTimeout", "00:00:00")]
    public void UnusableSettingsStopTheSilo(string key, string value)
    {
        var exception = Assert.Throws<KasifyConfigurationException>(() => Bind((key, value)));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }
}
