using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Errors;

/// <summary>400: input that a grain rejects, with one or more messages per wire field name.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.RequestValidationException")]
public sealed class RequestValidationException : KasifyException
{
    /// <summary>Creates the exception for the given field errors (keys are snake_case wire names).</summary>
    public RequestValidationException(string code, string message, ImmutableDictionary<string, string[]> errors)
        : base(code, message) => Errors = errors;

    /// <summary>Creates the exception for a single field.</summary>
    public RequestValidationException(string code, string field, string message)
        : this(code, message, ImmutableDictionary<string, string[]>.Empty.Add(field, [message]))
    {
    }

    /// <summary>Messages per wire field name.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string[]> Errors { get; private set; }
}
