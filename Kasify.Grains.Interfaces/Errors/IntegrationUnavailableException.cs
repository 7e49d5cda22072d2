namespace Kasify.Grains.Interfaces.Errors;

/// <summary>503: a vendor or dependency is unavailable; the request may be retried.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.IntegrationUnavailableException")]
public sealed class IntegrationUnavailableException : KasifyException
{
    /// <summary>Creates the exception with its stable code and message.</summary>
    public IntegrationUnavailableException(string code, string message)
        : base(code, message)
    {
    }
}
