using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Api.Bookings;

/// <summary>
/// One SES.HOSPEDAJES communication of a booking: <c>type</c> RH (the booking), PV (the guests) or B (a cancellation),
/// where it stands, the Ministry's lot and communication code, the last error, what it lacks while <c>incomplete</c>
/// (<c>missing_fields</c>), and for a PV each guest's result (empty for staff).
/// </summary>
internal sealed record SesCommunicationResponse(
    Guid Id,
    SesCommunicationKind Type,
    SesStatus Status,
    DateTimeOffset TriggeredAt,
    DateTimeOffset? SubmittedAt,
    string? BatchId,
    DateTimeOffset? LastAttemptAt,
    int Attempts,
    string? CommunicationCode,
    string? ErrorCode,
    string? Error,
    IReadOnlyList<string> MissingFields,
    DateTimeOffset? ProcessedAt,
    IReadOnlyList<SesGuestResultResponse> Guests)
{
    public static SesCommunicationResponse Of(SesCommunicationView view) => new(
        view.Id,
        view.Kind,
        view.Status,
        view.TriggeredAt,
        view.SubmittedAt,
        view.BatchId,
        view.LastAttemptAt,
        view.Attempts,
        view.CommunicationCode,
        view.ErrorCode,
        view.Error,
        view.MissingFields,
        view.ProcessedAt,
        [.. view.Guests.Select(guest => new SesGuestResultResponse(guest.GuestId, guest.Status, guest.Error, guest.MissingFields))]);
}
