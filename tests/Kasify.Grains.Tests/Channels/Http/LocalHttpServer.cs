using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Tests.Channels.Http;

/// <summary>
/// A small Kestrel server on a free loopback port for what the channel fake does not do: redirects, odd charsets,
/// bodies without a Content-Length. Each path answers with the handler put there; every request is recorded.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, IHeaderDictionary Headers)> _requests = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The requests received, as path and headers, in order.</summary>
    public IReadOnlyList<(string Path, IHeaderDictionary Headers)> Requests => [.. _requests];

    public static async Task<LocalHttpServer> StartAsync()
    {
        var server = new LocalHttpServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Makes <paramref name="path"/> answer <paramref name="status"/> with <paramref name="location"/> as its Location.</summary>
    public void Redirect(string path, string location, int status = StatusCodes.Status302Found) => Map(path, http =>
    {
        http.Response.StatusCode = status;
        http.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>Makes <paramref name="path"/> answer 200 with <paramref name="body"/>, sent without a Content-Length.</summary>
    public void Body(string path, string contentType, byte[] body) => Map(path, async http =>
    {
        http.Response.ContentType = contentType;
        await http.Response.StartAsync();
        await http.Response.Body.WriteAsync(body);
    });

    public void Map(string path, RequestDelegate handler) => _routes[path] = handler;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task HandleAsync(HttpContext http)
    {
        _requests.Enqueue((http.Request.Path.Value ?? "", new HeaderDictionary(http.Request.Headers.ToDictionary())));
        if (_routes.TryGetValue(http.Request.Path.Value ?? "", out var handler))
        {
            return handler(http);
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
