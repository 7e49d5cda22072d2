namespace Kasify.Grains.Integrations;

/// <summary>A vendor call failed; <see cref="Unauthorized"/> tells a refused credential from an unreachable vendor.</summary>
internal sealed class VendorCallException(bool unauthorized, string message, Exception? inner = null) : Exception(message, inner)
{
    public bool Unauthorized { get; } = unauthorized;
}
