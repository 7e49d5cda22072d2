using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasify.Fakes.UniFi;

/// <summary>
/// The fake console as a web server: in-process for tests (HTTPS on a free loopback port with a fresh
/// self-signed certificate) or standalone from <see cref="Program"/>.
/// </summary>
public sealed class UniFiFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _connections;

    private UniFiFakeServer(WebApplication app, UniFiFakeConsole console, X509Certificate2? certificate, StrongBox<int> connections)
    {
        _app = app;
        Console = console;
        Certificate = certificate;
        _connections = connections;
    }

    /// <summary>The state behind the API, to seed and inspect.</summary>
    public UniFiFakeConsole Console { get; }

    /// <summary>TCP connections accepted so far, whether or not a request followed (a failed TLS handshake counts too).</summary>
    public int ConnectionCount => Volatile.Read(ref _connections.Value);

    /// <summary>The HTTPS certificate, or <c>null</c> when serving plain HTTP only.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 fingerprint of <see cref="Certificate"/> (upper-case hex), or <c>null</c>.</summary>
    public string? CertificateFingerprint => Certificate is null ? null : SelfSignedCertificate.Fingerprint(Certificate);

    /// <summary>The first address the server listens on, e.g. <c>https://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts a seeded fake on HTTPS at a free loopback port.</summary>
    public static Task<UniFiFakeServer> StartAsync(UniFiFakeConsole? console = null) =>
        StartAsync(["https://127.0.0.1:0"], console ?? new UniFiFakeConsole().SeedDefaults(), []);

    /// <summary>Starts the fake on <paramref name="urls"/>; any https URL is served with a fresh self-signed certificate.</summary>
    public static async Task<UniFiFakeServer> StartAsync(IReadOnlyList<string> urls, UniFiFakeConsole console, string[] args)
    {
        var certificate = urls.Any(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            ? SelfSignedCertificate.Create()
            : null;
        var connections = new StrongBox<int>();
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureHttpsDefaults(https =>
            {
                if (certificate is not null)
                {
                    https.ServerCertificate = certificate;
                }
            });
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
            {
                Interlocked.Increment(ref connections.Value);
                return next(connection);
            }));
        });
        var app = builder.Build();
        app.MapUniFiFakeApi(console);
        await app.StartAsync();
        return new UniFiFakeServer(app, console, certificate, connections);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}
