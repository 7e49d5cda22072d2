namespace Kasify.Grains.Interfaces.Errors;

/// <summary>422: the request is well formed but breaks a business rule.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.DomainRuleException")]
public sealed class DomainRuleException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public DomainRuleException(string code, string message)
        : base(code, message)
    {
    }
}
