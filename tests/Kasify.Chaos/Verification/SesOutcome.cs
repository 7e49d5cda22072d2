namespace Kasify.Chaos.Verification;

/// <summary>
/// The SES.HOSPEDAJES counts: check-in bookings, those whose check-in the API acknowledged complete, communications owed
/// but not received by the fake, and communications the fake received more than once.
/// </summary>
internal sealed record SesOutcome(int CheckInBookings, int CheckinsComplete, int Missing, int Duplicates);
