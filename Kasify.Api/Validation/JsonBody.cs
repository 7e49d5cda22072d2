using System.Text.Json;
using Kasify.Api.Errors;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Validation;

/// <summary>Turns a JSON body an endpoint took as a document into a typed request, reporting failures as field errors.</summary>
internal static class JsonBody
{
    /// <summary>
    /// The request's JSON body as a document, for endpoints whose body shape depends on the path. Read here rather than
    /// bound, so that a key given twice is reported under its name by <see cref="Read{T}"/> instead of failing the binding
    /// of the whole document. A body that is not JSON is a 415; malformed JSON a body error.
    /// </summary>
    public static async Task<JsonElement> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The request body is not JSON.", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new RequestValidationException(ProblemCodes.ValidationFailed, "body", "The body is not valid JSON.");
        }
    }

    /// <summary>
    /// Deserializes <paramref name="body"/> with the wire options (snake_case, unknown members rejected). A member of the
    /// wrong type or an unknown member is a 400 field error named by its JSON path; anything but an object is a body error.
    /// </summary>
    public static T Read<T>(JsonElement body, JsonSerializerOptions options)
        where T : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException(ProblemCodes.ValidationFailed, "body", "The request body must be a JSON object.");
        }

        try
        {
            return body.Deserialize<T>(options)
                ?? throw new RequestValidationException(ProblemCodes.ValidationFailed, "body", "The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException(
                ProblemCodes.ValidationFailed, KasifyExceptionHandler.FieldName(exception.Path), KasifyExceptionHandler.FieldMessage(exception));
        }
    }
}
