namespace Kasify.Grains.Outbound;

/// <summary>A call to a user-chosen URL was stopped before connecting: its host is, or resolves to, an address the policy refuses.</summary>
public sealed class OutboundAddressRefusedException : Exception
{
    public OutboundAddressRefusedException()
    {
    }

    public OutboundAddressRefusedException(string message)
        : base(message)
    {
    }

    public OutboundAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
