using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kasify.MigrationFixture;

/// <summary>
/// One caller of the running API (a user's JWT, a personal access token, or nobody). Request bodies are written as
/// given (anonymous objects with the wire's own field names); a failed call throws with the problem the API answered,
/// since the fixture must hold only what the API accepted.
/// </summary>
internal sealed class ApiCaller(HttpClient http, string key, string? bearer) : IDisposable
{
    private static readonly JsonSerializerOptions Bodies = new(JsonSerializerDefaults.General);

    /// <summary>The manifest's name for this caller.</summary>
    public string Key { get; } = key;

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK);

    public Task<JsonElement> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Bodies), expected);

    public Task<JsonElement> PutAsync(string path, object body) =>
        SendAsync(HttpMethod.Put, path, JsonContent.Create(body, options: Bodies), HttpStatusCode.OK);

    public Task<JsonElement> PatchAsync(string path, object body) =>
        SendAsync(HttpMethod.Patch, path, new StringContent(JsonSerializer.Serialize(body, Bodies), Encoding.UTF8, "application/merge-patch+json"), HttpStatusCode.OK);

    public Task DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null, HttpStatusCode.NoContent);

    public Task<JsonElement> UploadAsync(string path, byte[] content, string contentType, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return SendAsync(HttpMethod.Post, path, form, null);
    }

    /// <summary>Any status; the body as JSON when there is one (null otherwise).</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body, byte[] Bytes, string? ContentType)> GetRawAsync(string path)
    {
        using var request = Request(HttpMethod.Get, path, null);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var contentType = response.Content.Headers.ContentType?.MediaType;
        JsonElement? body = contentType is not null && contentType.Contains("json", StringComparison.Ordinal) && bytes.Length > 0
            ? JsonDocument.Parse(bytes).RootElement.Clone()
            : null;
        return (response.StatusCode, body, bytes, contentType);
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, HttpStatusCode? expected)
    {
        using var request = Request(method, path, content);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var succeeded = expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
        if (!succeeded)
        {
            throw new InvalidOperationException($"{Key}: {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
