using System.Collections.Immutable;
using System.Text.Json;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Common;

/// <summary>
/// A JSON merge patch (RFC 7396) being read field by field: absent fields stay as they are, null clears, anything else
/// replaces. Every problem (wrong type, a field that may not be patched, an unknown field) is collected, then reported
/// at once by <see cref="EnsureValid"/> as field errors.
/// </summary>
internal sealed class MergePatchDocument
{
    private readonly Dictionary<string, JsonElement> _fields;
    private readonly Dictionary<string, string[]> _errors = [];
    private readonly JsonSerializerOptions _options;

    private MergePatchDocument(Dictionary<string, JsonElement> fields, JsonSerializerOptions options)
    {
        _fields = fields;
        _options = options;
    }

    /// <summary>
    /// Reads the request body (read rather than bound, so a merge patch can tell an absent field from an explicit null).
    /// Null when the body is not JSON (the caller answers 415); malformed JSON or a non-object is a field error.
    /// </summary>
    public static async Task<MergePatchDocument?> ReadAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            using var parsed = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RequestValidationException("validation.failed", "body", "A merge patch is a JSON object.");
            }

            return new MergePatchDocument(parsed.RootElement.EnumerateObject().ToDictionary(field => field.Name, field => field.Value.Clone()), options);
        }
        catch (JsonException)
        {
            throw new RequestValidationException("validation.failed", "body", "The body is not valid JSON.");
        }
    }

    /// <summary>Marks each of <paramref name="names"/> that the patch carries as an error with <paramref name="message"/>.</summary>
    public void Reject(IEnumerable<string> names, string message)
    {
        foreach (var name in names)
        {
            if (_fields.Remove(name))
            {
                _errors[name] = [message];
            }
        }
    }

    /// <summary>The field's patch: unset when absent; a wrong type is recorded as an error.</summary>
    public Patch<T> Read<T>(string name)
    {
        if (!_fields.Remove(name, out var value))
        {
            return default;
        }

        try
        {
            return Patch<T>.Set(value.Deserialize<T>(_options));
        }
        catch (JsonException)
        {
            _errors[name] = ["Not a valid value for this field."];
            return default;
        }
    }

    /// <summary>Reports fields nobody read as unknown, then throws if anything was wrong.</summary>
    public void EnsureValid()
    {
        foreach (var unknown in _fields.Keys)
        {
            _errors[unknown] = ["Unknown field."];
        }

        if (_errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The patch has invalid fields.", _errors.ToImmutableDictionary());
        }
    }
}
