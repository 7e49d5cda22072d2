using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.BadInput;

/// <summary>JSON bodies are limited to 256 KB (the cover image upload keeps its own 5 MB limit, see CoverImageApiTests).</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestSizeTests(KasifyApiFactory factory)
{
    private const int Limit = 256 * 1024;

    [Fact]
    public async Task ABodyOverTheLimitIs413WithoutBeingRead()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsync("/v1/properties", Padded(Limit + 1));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        Assert.Equal("[]", await owner.GetStringAsync("/v1/properties"));
    }

    [Fact]
    public async Task ABodyAtTheLimitIsRead()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsync("/v1/properties", Padded(Limit));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AMergePatchOverTheLimitIs413()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var patch = new StringContent("{\"name\":\"" + new string('a', Limit) + "\"}", Encoding.UTF8, "application/merge-patch+json");

        using var response = await owner.PatchAsync($"/v1/properties/{id}", patch);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task ACoverImageKeepsItsOwnLimit()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var image = new byte[1024 * 1024];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(image, 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(image), "file", "cover.png" } };

        using var response = await owner.PostAsync($"/v1/properties/{id}/cover-image", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EveryOperationThatTakesABodyDocumentsThe413()
    {
        using var client = factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var undocumented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", Operation: operation.Value)))
            .Where(entry => entry.Operation.TryGetProperty("requestBody", out _) && !entry.Operation.GetProperty("responses").TryGetProperty("413", out _))
            .Select(entry => entry.Name);

        Assert.Empty(undocumented);
    }

    // A valid property body padded with whitespace to exactly <paramref name="size"/> bytes.
    private static ByteArrayContent Padded(int size)
    {
        const string Body = "{\"name\":\"Casa Grande\",\"address\":\"Calle Mayor 1\",\"city\":\"Madrid\",\"zip_code\":\"28013\"";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Body + new string(' ', size - Body.Length - 1) + "}"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
