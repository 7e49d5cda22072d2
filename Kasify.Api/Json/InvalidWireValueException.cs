using System.Text.Json;

namespace Kasify.Api.Json;

/// <summary>A value the wire rules refuse; unlike other JSON failures its message is written for the client and shown as the field error.</summary>
internal sealed class InvalidWireValueException : JsonException
{
    public InvalidWireValueException()
    {
    }

    public InvalidWireValueException(string message)
        : base(message)
    {
    }

    public InvalidWireValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
