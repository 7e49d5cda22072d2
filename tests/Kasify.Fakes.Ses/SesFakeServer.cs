using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasify.Fakes.Ses;

/// <summary>
/// The fake SES.HOSPEDAJES service as a Kestrel server: standalone from <see cref="Program"/>, or in-process from tests
/// on a free loopback port (<c>await using var fake = new SesFakeServer(); var baseUrl = await fake.StartAsync();</c>).
/// </summary>
public sealed class SesFakeServer(SesFakeOptions? options = null) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The fake's state: flip switches, inspect the lots and communications received.</summary>
    public SesFakeState State { get; } = new(options ?? new SesFakeOptions());

    /// <summary>The base URL once started (e.g. <c>http://127.0.0.1:41234</c>, no trailing slash).</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>The service endpoint once started (base URL + <see cref="SesFakeEndpoints.ServicePath"/>).</summary>
    public Uri? ServiceUrl => BaseUrl is null ? null : new Uri(BaseUrl, SesFakeEndpoints.ServicePath);

    /// <summary>Starts on <paramref name="url"/>, by default a free port on 127.0.0.1, and returns the base URL.</summary>
    public async Task<Uri> StartAsync(string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapSesFake(State);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        return BaseUrl;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
