namespace Kasify.Silo.Hosting;

/// <summary>The silo's configuration is missing or invalid; the message names the setting and says what to fix.</summary>
public sealed class KasifyConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KasifyConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message that names the setting.</summary>
    public KasifyConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public KasifyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
