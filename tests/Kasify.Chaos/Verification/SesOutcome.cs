namespace Kasify.Chaos.Verification;

/// <summary>
/// The SES.HOSPEDAJES counts: check-in bookings, those whose check-in the API acknowledged complete, those cancelled
/// afterwards, communications owed but not received by the fake, communications the fake received more than once,
/// cancellations owed (for a stored report of a booking that reads cancelled) but not received, and cancellations of
/// reports of bookings that do not read cancelled.
/// </summary>
internal sealed record SesOutcome(
    int CheckInBookings,
    int CheckinsComplete,
    int CancelledCheckIns,
    int Missing,
    int Duplicates,
    int CancellationsMissing,
    int WrongCancellations);
