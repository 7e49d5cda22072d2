namespace Kasify.Grains.Interfaces.Errors;

/// <summary>403: the caller's role does not allow the operation.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.ForbiddenException")]
public sealed class ForbiddenException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public ForbiddenException(string code, string message)
        : base(code, message)
    {
    }
}
