using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>How one registered guest fared in a guest register: the register is one communication, so its outcome.</summary>
/// <param name="GuestId">The registered guest.</param>
/// <param name="Status">The outcome of the communication that carried the guest.</param>
/// <param name="Error">The Ministry's (or the pre-send check's) text when it was refused.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.SesGuestResult")]
public sealed record SesGuestResult(Guid GuestId, SesStatus Status, string? Error)
{
    /// <summary>While the register is incomplete: the check-in fields this guest still has to give (stored views lack it: empty).</summary>
    [Id(3)]
    public ImmutableArray<string> MissingFields { get; init; } = [];
}
