using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>One communication of a booking, as its owners and managers see it.</summary>
/// <param name="Id">Kasify's id of the communication.</param>
/// <param name="Kind">RH, PV or B.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="TriggeredAt">When the event that requires it happened (the 24-hour clock starts here).</param>
/// <param name="SubmittedAt">When the Ministry received it (its lot was issued).</param>
/// <param name="BatchId">The Ministry's lot id.</param>
/// <param name="LastAttemptAt">When it was last sent.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="CommunicationCode">The Ministry's code once stored (keep it: it cannot be recovered later).</param>
/// <param name="ErrorCode">A stable code for the last failure: the Ministry's numeric code or a Kasify code.</param>
/// <param name="Error">The last failure's text.</param>
/// <param name="ProcessedAt">When the Ministry processed the lot.</param>
/// <param name="Guests">For a guest register, every guest it carries.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.SesCommunicationView")]
public sealed record SesCommunicationView(
    Guid Id,
    SesCommunicationKind Kind,
    SesStatus Status,
    DateTimeOffset TriggeredAt,
    DateTimeOffset? SubmittedAt,
    string? BatchId,
    DateTimeOffset? LastAttemptAt,
    int Attempts,
    string? CommunicationCode,
    string? ErrorCode,
    string? Error,
    DateTimeOffset? ProcessedAt,
    ImmutableArray<SesGuestResult> Guests)
{
    /// <summary>
    /// While <see cref="SesStatus.Incomplete"/>: the fields it lacks, wire names of the booking, the property or the
    /// guests' check-in (<c>guest_email</c>, <c>ses_establishment_code</c>, <c>relationship_code</c>). Not a positional
    /// parameter, so views stored before it existed read as empty.
    /// </summary>
    [Id(13)]
    public ImmutableArray<string> MissingFields { get; init; } = [];
}
