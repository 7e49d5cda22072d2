using System.Text.Json;
using Kasify.Api.Errors;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Validation;

/// <summary>Turns a JSON body an endpoint took as a document into a typed request, reporting failures as field errors.</summary>
internal static class JsonBody
{
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
                ProblemCodes.ValidationFailed, KasifyExceptionHandler.FieldName(exception.Path), "The value is not valid.");
        }
    }
}
