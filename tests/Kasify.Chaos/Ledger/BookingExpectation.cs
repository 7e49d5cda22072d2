namespace Kasify.Chaos.Ledger;

/// <summary>A state a booking may be read back in: its dates and whether it is cancelled.</summary>
internal sealed record BookingExpectation(DateOnly From, DateOnly To, bool Cancelled);
