namespace Kasify.Grains.Integrations.Ses;

/// <summary>A communication breaks the service's rules and was not built; <see cref="Violations"/> lists every rule.</summary>
public sealed class SesValidationException : Exception
{
    public SesValidationException(IReadOnlyList<SesRuleViolation> violations)
        : base("The SES.HOSPEDAJES communication is invalid: " + string.Join("; ", violations))
    {
        Violations = violations;
    }

    public SesValidationException()
        : this("The SES.HOSPEDAJES communication is invalid.")
    {
    }

    public SesValidationException(string message)
        : base(message)
    {
        Violations = [];
    }

    public SesValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>Every rule broken.</summary>
    public IReadOnlyList<SesRuleViolation> Violations { get; }
}
