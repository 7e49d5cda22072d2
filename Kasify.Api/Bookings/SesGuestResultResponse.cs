using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Api.Bookings;

/// <summary>How one guest fared in a guest register (PV): the outcome of the communication that carried them.</summary>
internal sealed record SesGuestResultResponse(Guid GuestId, SesStatus Status, string? Error);
