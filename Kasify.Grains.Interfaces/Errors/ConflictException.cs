namespace Kasify.Grains.Interfaces.Errors;

/// <summary>409: the request conflicts with the current state (duplicate, overlap, state).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.ConflictException")]
public sealed class ConflictException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public ConflictException(string code, string message)
        : base(code, message)
    {
    }
}
