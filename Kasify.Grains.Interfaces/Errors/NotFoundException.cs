namespace Kasify.Grains.Interfaces.Errors;

/// <summary>404: the resource does not exist or the caller may not see it.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.NotFoundException")]
public sealed class NotFoundException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public NotFoundException(string code, string message)
        : base(code, message)
    {
    }
}
