using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Rentals;

[Collection(ApiCollection.Name)]
public sealed class CoverImageApiTests(KasifyApiFactory factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static MultipartFormDataContent Form(byte[] content, string fileName, string declaredType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task AnUploadedImageIsServedAndCanBeRemoved()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var upload = await owner.PostAsync($"/v1/properties/{id}/cover-image", Form(Png, "cover.png", "application/octet-stream"));
        var property = await upload.Content.ReadFromJsonAsync<JsonElement>();
        using var image = await owner.GetAsync(property.GetProperty("cover_image_url").GetString());

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());

        using var remove = await owner.DeleteAsync($"/v1/properties/{id}/cover-image");
        using var afterRemove = await owner.GetAsync($"/v1/properties/{id}/cover-image");
        var after = await (await owner.GetAsync($"/v1/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        await ProblemAssert.IsProblemAsync(afterRemove, HttpStatusCode.NotFound, "cover_image.not_found");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("cover_image_url").ValueKind);
    }

    [Fact]
    public async Task ANonImageIsRejectedWhateverItClaimsToBe()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsync($"/v1/properties/{id}/cover-image", Form("GIF89a........"u8.ToArray(), "cover.jpg", "image/jpeg"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "cover_image.unsupported_type");
    }

    [Fact]
    public async Task AnImageOverFiveMegabytesIsRejected()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var large = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(large, 0);

        using var response = await owner.PostAsync($"/v1/properties/{id}/cover-image", Form(large, "cover.png", "image/png"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "cover_image.too_large");
        var property = await (await owner.GetAsync($"/v1/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, property.GetProperty("cover_image_url").ValueKind);
    }

    [Fact]
    public async Task AMalformedMultipartBodyIsABadRequest()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var noBoundary = new StringContent("--x\r\nnot really a form");
        noBoundary.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        var brokenBody = new StringContent("this is not multipart at all");
        brokenBody.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");

        using var withoutBoundary = await owner.PostAsync($"/v1/properties/{id}/cover-image", noBoundary);
        using var withBrokenBody = await owner.PostAsync($"/v1/properties/{id}/cover-image", brokenBody);

        await ProblemAssert.IsProblemAsync(withoutBoundary, HttpStatusCode.BadRequest, "cover_image.invalid_form");
        await ProblemAssert.IsProblemAsync(withBrokenBody, HttpStatusCode.BadRequest, "cover_image.invalid_form");
    }

    [Fact]
    public async Task AnUploadWithoutAFilePartIsABadRequest()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsync($"/v1/properties/{id}/cover-image", new MultipartFormDataContent { { new StringContent("x"), "other" } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "cover_image.missing_file");
    }
}
