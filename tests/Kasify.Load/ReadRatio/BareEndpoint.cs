using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kasify.Load.ReadRatio;

/// <summary>
/// The floor the API is compared with: a Kestrel server in this process, on a free loopback port, that answers every
/// request with the bytes of a <see cref="CapturedResponse"/> and does nothing else (no routing, authentication or
/// rate limits). <see cref="Serve"/> swaps the answer between cases.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private CapturedResponse _response = new([], "application/json", Chunked: false);

    private BareEndpoint(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public static async Task<BareEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var endpoint = new BareEndpoint(builder.Build());
        endpoint._app.Run(endpoint.AnswerAsync);
        await endpoint._app.StartAsync();
        endpoint.BaseAddress = new Uri(endpoint._app.Urls.First());
        return endpoint;
    }

    public void Serve(CapturedResponse response) => Volatile.Write(ref _response, response);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task AnswerAsync(HttpContext context)
    {
        var response = Volatile.Read(ref _response);
        context.Response.ContentType = response.ContentType;
        if (!response.Chunked)
        {
            context.Response.ContentLength = response.Body.Length;
        }

        return context.Response.Body.WriteAsync(response.Body, 0, response.Body.Length);
    }
}
