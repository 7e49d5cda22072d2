using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>
/// One communication owed to SES.HOSPEDAJES, stored before anything is sent. <see cref="Fingerprint"/> is a hash of
/// the content it reports, so the same trigger never produces a second communication while changed data (a fixed
/// guest, new dates) does.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.SesReporting.SesCommunicationRecord")]
internal sealed class SesCommunicationRecord
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public SesCommunicationKind Kind { get; set; }

    [Id(2)]
    public string Fingerprint { get; set; } = "";

    [Id(3)]
    public DateTimeOffset TriggeredAt { get; set; }

    [Id(4)]
    public SesStatus Status { get; set; }

    /// <summary>Set while a send may be on the wire: the answer was not stored yet.</summary>
    [Id(5)]
    public bool Sending { get; set; }

    [Id(6)]
    public string? Lot { get; set; }

    [Id(7)]
    public DateTimeOffset? SubmittedAt { get; set; }

    [Id(8)]
    public DateTimeOffset? LastAttemptAt { get; set; }

    [Id(9)]
    public int Attempts { get; set; }

    /// <summary>When to send (pending) or query the lot (submitted) next.</summary>
    [Id(10)]
    public DateTimeOffset? NextActionAt { get; set; }

    [Id(11)]
    public int Polls { get; set; }

    [Id(12)]
    public string? CommunicationCode { get; set; }

    [Id(13)]
    public string? ErrorCode { get; set; }

    [Id(14)]
    public string? Error { get; set; }

    [Id(15)]
    public DateTimeOffset? ProcessedAt { get; set; }

    [Id(16)]
    public DateTimeOffset? DeadlineWarnedAt { get; set; }

    /// <summary>The guests a guest register carries.</summary>
    [Id(17)]
    public List<Guid> GuestIds { get; set; } = [];

    /// <summary>For a cancellation: the communication it cancels.</summary>
    [Id(18)]
    public Guid? Cancels { get; set; }

    /// <summary>For an accepted communication: the cancellation sent for it.</summary>
    [Id(19)]
    public Guid? CancelledBy { get; set; }

    /// <summary>Whether it no longer counts: replaced by a newer one for changed data, or dropped before it was sent.</summary>
    [Id(20)]
    public bool Superseded { get; set; }

    /// <summary>While incomplete: the wire fields of the booking or the property it lacks (<c>guest_email</c>, …).</summary>
    [Id(21)]
    public List<string> MissingFields { get; set; } = [];

    /// <summary>While incomplete, for a guest register: the check-in fields each guest still has to give, by guest id.</summary>
    [Id(22)]
    public Dictionary<Guid, List<string>> MissingGuestFields { get; set; } = [];

    /// <summary>Still waiting to be sent or for its lot's verdict.</summary>
    [JsonIgnore] // derived: kept out of stored state
    public bool IsOpen => !Superseded && Status is SesStatus.Pending or SesStatus.Submitted;
}
