using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Api.Bookings;

/// <summary>
/// One SES.HOSPEDAJES communication of a booking: <c>type</c> RH (the booking), PV (the guests) or B (a cancellation),
/// where it stands, the Ministry's lot and communication code, the last error, and for a PV each guest's result (empty
/// for staff).
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
        view.ProcessedAt,
        [.. view.Guests.Select(guest => new SesGuestResultResponse(guest.GuestId, guest.Status, guest.Error))]);
}
