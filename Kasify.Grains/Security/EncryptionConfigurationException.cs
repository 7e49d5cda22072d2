namespace Kasify.Grains.Security;

/// <summary>No usable encryption key is configured; the message names the setting and says how to fix it.</summary>
public sealed class EncryptionConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public EncryptionConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message that names the setting.</summary>
    public EncryptionConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public EncryptionConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
