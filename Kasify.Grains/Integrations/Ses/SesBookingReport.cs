namespace Kasify.Grains.Integrations.Ses;

/// <summary>A booking report (<c>RH</c>, reserva de hospedaje).</summary>
/// <param name="Bookings">1 to <see cref="SesLimits.MaxCommunications"/> bookings.</param>
public sealed record SesBookingReport(IReadOnlyList<SesBooking> Bookings);
