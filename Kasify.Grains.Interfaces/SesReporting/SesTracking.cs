using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>
/// A booking's SES.HOSPEDAJES tracking: the summary every booking response carries (the reference's
/// <c>ses_submitted_at</c>, <c>ses_batch_id</c>, <c>ses_last_attempt_at</c>, <c>ses_last_error</c> plus a status) and
/// the communications behind it.
/// </summary>
/// <param name="Status">The booking's overall status (see <see cref="SesStatus"/>).</param>
/// <param name="SubmittedAt">When the newest communication was received by the Ministry.</param>
/// <param name="BatchId">The newest lot id.</param>
/// <param name="LastAttemptAt">When Kasify last sent one of the booking's communications.</param>
/// <param name="LastError">The newest unresolved failure, or null.</param>
/// <param name="Communications">Every communication, oldest first.</param>
/// <param name="Version">Increases with every change, so an older push never overwrites a newer one.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.SesTracking")]
public sealed record SesTracking(
    SesStatus Status,
    DateTimeOffset? SubmittedAt,
    string? BatchId,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    ImmutableArray<SesCommunicationView> Communications,
    long Version)
{
    /// <summary>A booking of an account without the integration.</summary>
    public static readonly SesTracking NotRequired = new(SesStatus.NotRequired, null, null, null, null, [], 0);

    /// <summary>
    /// What the booking's incomplete communications lack, every field once (<see cref="SesCommunicationView.MissingFields"/>);
    /// empty when nothing waits for data. Not a positional parameter, so trackings stored before it existed read as empty.
    /// </summary>
    [Id(7)]
    public ImmutableArray<string> MissingFields { get; init; } = [];
}
