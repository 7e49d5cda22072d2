namespace Kasify.Grains.Integrations.Ses;

/// <summary>The outcome of one communication of a processed lot: its code, or why it failed (then it was not stored).</summary>
/// <param name="Order">1-based position in the request.</param>
/// <param name="Cancelled">Whether it has been cancelled since.</param>
/// <param name="CommunicationCode">The stored communication's code (UUID); keep it, it cannot be recovered later.</param>
/// <param name="ErrorType">The Ministry's error category.</param>
/// <param name="Error">The Ministry's error text.</param>
public sealed record SesCommunicationResult(int Order, bool Cancelled, string? CommunicationCode, string? ErrorType, string? Error)
{
    /// <summary>Whether the communication was stored.</summary>
    public bool Succeeded => CommunicationCode is not null;
}
