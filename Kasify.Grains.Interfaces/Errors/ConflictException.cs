using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Errors;

/// <summary>409: the request conflicts with the current state (duplicate, overlap, state).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.ConflictException")]
public sealed class ConflictException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public ConflictException(string code, string message)
        : this(code, message, ImmutableDictionary<string, string>.Empty)
    {
    }

    /// <summary>Creates the exception with machine-readable facts about the conflict, e.g. the id of what is in the way.</summary>
    public ConflictException(string code, string message, ImmutableDictionary<string, string> extensions)
        : base(code, message) => Extensions = extensions;

    /// <summary>Extra members of the problem response, by snake_case name (e.g. <c>conflicting_booking_id</c>).</summary>
    [Id(0)]
    public ImmutableDictionary<string, string> Extensions { get; private set; }
}
