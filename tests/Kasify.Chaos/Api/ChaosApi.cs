using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kasify.Chaos.Api;

/// <summary>
/// The public API as the run calls it: each request goes to the next API host in turn (a load balancer without health
/// checks, so a dead host's share fails until it is back) with the caller's bearer token.
/// </summary>
internal sealed class ChaosApi : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient[] _hosts;
    private int _next = -1;

    public ChaosApi(IReadOnlyList<Uri> hosts)
    {
        _hosts = [.. hosts.Select(url => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = url,
            Timeout = RequestTimeout,
        })];
    }

    /// <summary>A GET; <paramref name="token"/> null for the public endpoints (check-in), as a guest calls them.</summary>
    public Task<ApiAnswer> GetAsync(string? token, string path) => SendAsync(token, HttpMethod.Get, path, null);

    public Task<ApiAnswer> PostAsync(string? token, string path, JsonNode? body = null) => SendAsync(token, HttpMethod.Post, path, body);

    public Task<ApiAnswer> PatchAsync(string token, string path, JsonNode body) =>
        SendAsync(token, HttpMethod.Patch, path, body, "application/merge-patch+json");

    public Task<ApiAnswer> DeleteAsync(string token, string path) => SendAsync(token, HttpMethod.Delete, path, null);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private async Task<ApiAnswer> SendAsync(string? token, HttpMethod method, string path, JsonNode? body, string mediaType = "application/json")
    {
        var http = _hosts[(int)((uint)Interlocked.Increment(ref _next) % (uint)_hosts.Length)];
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? json = null;
            if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true)
            {
                json = JsonNode.Parse(text);
            }

            return new ApiAnswer((int)response.StatusCode, json, text, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ApiAnswer(0, null, exception.Message, Stopwatch.GetElapsedTime(started));
        }
    }
}
