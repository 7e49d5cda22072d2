using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Ses;
using Kasify.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>
/// The Ministry's chain is checked against configured certificates: a generated root, intermediate and server leaf
/// stand in for FNMT's "AC RAIZ FNMT-RCM", "AC Componentes Informáticos" and the hospedajes certificate.
/// </summary>
public sealed class SesCertificateTrustTests : IDisposable
{
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _intermediate;
    private readonly X509Certificate2 _leaf;
    private readonly X509Certificate2 _otherRoot;

    public SesCertificateTrustTests()
    {
        _root = SelfSigned("CN=Test Root CA");
        _otherRoot = SelfSigned("CN=Another Root CA");
        _intermediate = Issue(_root, "CN=Test Intermediate CA", authority: true);
        _leaf = Issue(_intermediate, "CN=localhost", authority: false);
    }

    [Fact]
    public void ChainToAConfiguredRootIsAccepted()
    {
        var trust = new SesCertificateTrust([_root, _intermediate]);

        Assert.True(trust.Validate(null, _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void IntermediateSentByTheServerIsEnough()
    {
        var trust = new SesCertificateTrust([_root]);
        using var served = new X509Chain();
        served.ChainPolicy.ExtraStore.Add(_intermediate);

        Assert.True(trust.Validate(null, _leaf, served, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void ChainToAnotherRootIsRefused()
    {
        var trust = new SesCertificateTrust([_otherRoot, _intermediate]);

        Assert.False(trust.Validate(null, _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void MissingIntermediateIsRefused()
    {
        var trust = new SesCertificateTrust([_root]);

        Assert.False(trust.Validate(null, _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void NameErrorsAreRefusedEvenWithATrustedChain(SslPolicyErrors errors)
    {
        var trust = new SesCertificateTrust([_root, _intermediate]);

        Assert.False(trust.Validate(null, _leaf, null, errors));
    }

    [Fact]
    public void TrustNeedsARoot()
    {
        Assert.Throws<ArgumentException>(() => new SesCertificateTrust([_intermediate]));
    }

    [Fact]
    public void PemAndDerFilesAreRead()
    {
        var folder = Directory.CreateTempSubdirectory("kasify-ses-trust-");
        try
        {
            var pem = Path.Combine(folder.FullName, "root.pem");
            File.WriteAllText(pem, _root.ExportCertificatePem());
            var der = Path.Combine(folder.FullName, "intermediate.cer");
            File.WriteAllBytes(der, _intermediate.Export(X509ContentType.Cert));

            var trust = SesCertificateTrust.FromFiles([pem, der]);

            Assert.True(trust.Validate(null, _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(true, SesErrorCode.InvalidCredentials)]
    [InlineData(false, SesErrorCode.Unavailable)]
    public async Task TheClientReachesAServerWithTheChainOnlyWhenItsRootIsConfigured(bool trusted, SesErrorCode expected)
    {
        // The server answers 401 to everything: reaching that answer proves the handshake passed.
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var serverCertificate = X509CertificateLoader.LoadPkcs12(_leaf.Export(X509ContentType.Pkcs12), password: null);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ServerCertificateChain = [_intermediate];
        })));
        await using var app = builder.Build();
        app.MapPost("/ws", () => Results.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized));
        await app.StartAsync();
        var folder = Directory.CreateTempSubdirectory("kasify-ses-tls-");
        try
        {
            var root = Path.Combine(folder.FullName, "root.pem");
            File.WriteAllText(root, _root.ExportCertificatePem());
            var options = new SesOptions
            {
                EndpointUrl = new Uri($"https://localhost:{port}/ws"),
                TrustedCertificatePaths = trusted ? [root] : [],
                AttemptTimeout = TimeSpan.FromSeconds(5),
                TotalTimeout = TimeSpan.FromSeconds(10),
            };
            await using var services = new ServiceCollection().AddSesClient(options).BuildServiceProvider();

            var exception = await Assert.ThrowsAsync<SesException>(
                () => services.GetRequiredService<ISesClient>().GetCatalogAsync(new SesAccount("user", "password", "0000123456"), ""));

            Assert.Equal(expected, exception.Code);
        }
        finally
        {
            folder.Delete(recursive: true);
            await app.StopAsync();
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        _otherRoot.Dispose();
        _intermediate.Dispose();
        _leaf.Dispose();
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string subject, bool authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(authority, false, 0, authority));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            authority ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (!authority)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(6), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
