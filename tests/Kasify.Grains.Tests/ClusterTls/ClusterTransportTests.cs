using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Kasify.Grains.Tests.Storage;
using Kasify.Hosting.ClusterTls;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Orleans.Connections.Security;
using Orleans.Runtime.Messaging;

namespace Kasify.Grains.Tests.ClusterTls;

/// <summary>
/// A Postgres-mode silo configured like Kasify.Silo, with mutual TLS from certificate files: a client with a
/// certificate from the cluster's authority calls grains; a client that cannot show one is refused at the gateway's TLS
/// handshake and never reaches a grain, and so is a peer on the silo-to-silo port. (The three-silo cluster tests run
/// with the same TLS settings, so silos with the cluster's certificates are shown to work together.)
/// </summary>
public sealed class ClusterTransportTests : IAsyncLifetime
{
    private const string ServerHandshake = "Orleans.Connections.Security.TlsServerConnectionMiddleware";
    private const string RejectedCertificate = "The remote certificate was rejected by the provided RemoteCertificateValidationCallback.";

    private KasifySiloOptions? _options;
    private IHost? _silo;

    private KasifySiloOptions Options => _options ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetSharedAsync();
        _options = KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
        _silo = await KasifyTestSilos.StartSiloAsync(_options, silo => silo.Services.AddFakeLogging());
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await KasifyTestSilos.StopAsync(_silo);
        }
    }

    [Fact]
    public async Task AClientWithACertificateFromTheClusterAuthorityCallsGrains()
    {
        var client = await KasifyTestSilos.StartClientAsync(
            KasifyTestSilos.WithTls(Options, ClusterTestCertificates.Shared.ClientTls()), client => NoRetries(client));
        try
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Assert.Equal(5, await grains.GetGrain<ICounterGrain>(Guid.NewGuid()).AddAsync(5));
            Assert.Empty(RefusedHandshakes());
        }
        finally
        {
            await KasifyTestSilos.StopAsync(client);
        }
    }

    [Fact]
    public async Task AClientWithACertificateFromAnotherAuthorityIsRefused()
    {
        var impostor = KasifyTestSilos.WithTls(Options, ClusterTestCertificates.Shared.ImpostorTls());

        await Assert.ThrowsAsync<ConnectionFailedException>(() => KasifyTestSilos.StartClientAsync(impostor, client => NoRetries(client)));

        AssertRefused(RejectedCertificate);
    }

    [Fact]
    public async Task AClientWithoutACertificateIsRefused()
    {
        // It speaks TLS and accepts the silo's certificate, but has none of its own to show.
        var withoutCertificate = KasifyTestSilos.WithTls(Options, new ClusterTlsOptions { Disabled = true });

        await Assert.ThrowsAsync<ConnectionFailedException>(() => KasifyTestSilos.StartClientAsync(
            withoutCertificate,
            client => NoRetries(client).UseTls(tls =>
            {
                tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
                tls.AllowAnyRemoteCertificate();
            })));

        AssertRefused(RejectedCertificate);
    }

    [Fact]
    public async Task AClientWithoutTlsIsRefused()
    {
        var plain = KasifyTestSilos.WithTls(Options, new ClusterTlsOptions { Disabled = true });

        await Assert.ThrowsAsync<ConnectionFailedException>(() => KasifyTestSilos.StartClientAsync(plain, client => NoRetries(client)));

        AssertRefused("Cannot determine the frame size or a corrupted frame was received.");
    }

    [Fact]
    public async Task TheSiloPortRefusesAPeerWithACertificateFromAnotherAuthority()
    {
        var impostor = ClusterTestCertificates.Shared.ImpostorTls();
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(impostor.CertificatePath!, impostor.Password);

        await HandshakeUntilClosedAsync(Options.Cluster.SiloPort, certificate);

        AssertRefused(RejectedCertificate);
    }

    // The default filter retries for three minutes; a refused client must fail at its first attempt.
    private static IClientBuilder NoRetries(IClientBuilder client) => client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));

    // Another silo would connect to the silo port like this: TLS first, with its certificate. A refused peer sees the
    // handshake fail, or (TLS 1.3, where the client finishes first) the connection closed before anything is read.
    private static async Task HandshakeUntilClosedAsync(int port, X509Certificate2 certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "kasify-silo", ClientCertificates = [certificate] });
            Assert.Equal(0, await tls.ReadAsync(new byte[1]));
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            // The refusal as the connecting side sees it; the silo's log says why.
        }
    }

    // The cluster silo's own account of the refused handshakes.
    private List<FakeLogRecord> RefusedHandshakes() =>
        [.. _silo!.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == ServerHandshake && r.Level == LogLevel.Warning)];

    private void AssertRefused(string reason)
    {
        var refusals = RefusedHandshakes();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, refusal => Assert.Equal(reason, Assert.IsType<AuthenticationException>(refusal.Exception).Message));
    }
}
