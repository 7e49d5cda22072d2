using System.Net;
using System.Net.Http.Headers;

namespace Kasify.Load;

/// <summary>
/// The HTTP clients the tool measures with, all made alike: one pool of at most <c>connections</c> HTTP/1.1 connections
/// per server, no cookies, no decompression, no proxy. Two targets compared in one run each get a client from here with
/// the same arguments, so neither is favoured by its client.
/// </summary>
internal static class LoadHttp
{
    public static HttpClient Create(Uri baseAddress, string? token, int connections, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>One GET whose body is read to the end; answers the status, or 0 when no answer arrived.</summary>
    public static async Task<int> GetAsync(HttpClient http, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
