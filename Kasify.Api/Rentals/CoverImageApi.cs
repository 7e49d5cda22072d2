using System.Security.Claims;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.Rentals;

/// <summary>A property's cover image: JPEG, PNG or WebP up to 5 MB.</summary>
internal static class CoverImageApi
{
    // The upload's own body limit, instead of the 256 KB of other bodies: a little past the image limit, room for the
    // multipart framing. Endpoint routing hands it to the server, which stops reading there, also for chunked uploads.
    private const long MaxRequestBytes = CoverImageFormats.MaxBytes + (64 * 1024);

    public static void MapCoverImageApi(this RouteGroupBuilder properties)
    {
        properties.MapPost("/{id:guid}/cover-image", UploadCoverImageAsync)
            .WithName("UploadCoverImage")
            .WithSummary("Upload a cover image for a property")
            .WithDescription("multipart/form-data with one part named `file`: JPEG, PNG or WebP, at most 5 MB.")
            .Accepts<CoverImageUpload>("multipart/form-data")
            .DisableAntiforgery() // bearer-token API: no cookies, so no cross-site form posts to defend against
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        properties.MapGet("/{id:guid}/cover-image", GetCoverImageAsync)
            .WithName("GetCoverImage")
            .WithSummary("Get the cover image for a property")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound);
        properties.MapDelete("/{id:guid}/cover-image", RemoveCoverImageAsync)
            .WithName("RemoveCoverImage")
            .WithSummary("Remove the cover image for a property")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> UploadCoverImageAsync(
        Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return KasifyProblems.Result(StatusCodes.Status415UnsupportedMediaType, "cover_image.unsupported_type", "Send multipart/form-data with a part named 'file'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException)
        {
            return KasifyProblems.Result(StatusCodes.Status400BadRequest, "cover_image.invalid_form", "The multipart form could not be read.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return KasifyProblems.Result(StatusCodes.Status400BadRequest, "cover_image.missing_file", "The form has no part named 'file'.");
        }

        if (file.Length > CoverImageFormats.MaxBytes)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (CoverImageFormats.Detect(content) is not { } contentType)
        {
            return KasifyProblems.Result(StatusCodes.Status415UnsupportedMediaType, "cover_image.unsupported_type", "Only JPEG, PNG and WebP images are accepted.");
        }

        var userId = await principal.GetUserIdAsync(grains);
        var property = await grains.GetGrain<IPropertyGrain>(id).SetCoverImageAsync(userId, contentType, content);
        return TypedResults.Ok(PropertyResponse.From(property));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCoverImageAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IPropertyGrain>(id).GetCoverImageAsync(userId) is not { } image)
        {
            return KasifyProblems.Result(StatusCodes.Status404NotFound, "cover_image.not_found", "The property has no cover image.");
        }

        return TypedResults.Bytes(image.Content, image.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{id:N}-{image.Version}\""));
    }

    internal static async Task<NoContent> RemoveCoverImageAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyGrain>(id).RemoveCoverImageAsync(userId);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult TooLarge() =>
        KasifyProblems.Result(StatusCodes.Status413PayloadTooLarge, "cover_image.too_large", "The image is larger than 5 MB.");
}
