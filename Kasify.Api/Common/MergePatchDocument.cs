using System.Collections.Immutable;
using System.Text.Json;
using Kasify.Api.Json;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Common;

/// <summary>
/// A JSON merge patch (RFC 7396) being read field by field: absent fields stay as they are, null clears, anything else
/// replaces. Values follow the wire rules of bound bodies (<see cref="WireValues"/>). Every problem (wrong type, a
/// refused value, a field given twice, a field that may not be patched, an unknown field) is collected, then reported
/// at once by <see cref="EnsureValid"/> as field errors.
/// </summary>
internal sealed class MergePatchDocument
{
    private const string NotValid = "Not a valid value for this field.";

    private readonly Dictionary<string, JsonElement> _fields;
    private readonly Dictionary<string, string[]> _errors;
    private readonly JsonSerializerOptions _options;

    private MergePatchDocument(Dictionary<string, JsonElement> fields, Dictionary<string, string[]> errors, JsonSerializerOptions options)
    {
        _fields = fields;
        _errors = errors;
        _options = options;
    }

    /// <summary>
    /// Reads the request body (read rather than bound, so a merge patch can tell an absent field from an explicit null).
    /// Null when the body is not JSON (the caller answers 415); malformed JSON, a non-object or a field name that is not
    /// text is a body error.
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

            var fields = new Dictionary<string, JsonElement>();
            var errors = new Dictionary<string, string[]>();
            foreach (var field in parsed.RootElement.EnumerateObject())
            {
                // Which of two values was meant is anybody's guess, so neither is taken.
                if (errors.ContainsKey(field.Name) || !fields.TryAdd(field.Name, field.Value.Clone()))
                {
                    fields.Remove(field.Name);
                    errors[field.Name] = ["Given more than once."];
                }
            }

            return new MergePatchDocument(fields, errors, options);
        }
        catch (JsonException)
        {
            throw new RequestValidationException("validation.failed", "body", "The body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // A field name with invalid UTF-8 or a lone surrogate cannot be read as text.
            throw new RequestValidationException("validation.failed", "body", "A field name is not valid text.");
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

    /// <summary>The field's patch: unset when absent; a wrong type or a refused value is recorded as an error.</summary>
    public Patch<T> Read<T>(string name) => ReadValue<T>(name, freeText: false);

    /// <summary>As <see cref="Read{T}"/> for a free text field, which may also hold tabs and line breaks.</summary>
    public Patch<string> ReadFreeText(string name) => ReadValue<string>(name, freeText: true);

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

    private Patch<T> ReadValue<T>(string name, bool freeText)
    {
        if (!_fields.Remove(name, out var value))
        {
            return default;
        }

        T? read;
        try
        {
            read = value.Deserialize<T>(_options);
        }
        catch (JsonException)
        {
            // A JSON string that is no text (invalid UTF-8, a lone surrogate escape) fails here already.
            _errors[name] = [typeof(T) == typeof(string) && value.ValueKind == JsonValueKind.String ? WireText.Message : NotValid];
            return default;
        }

        if (WireValues.Problem(read, freeText) is { } problem)
        {
            _errors[name] = [problem];
            return default;
        }

        return Patch<T>.Set(read);
    }
}
