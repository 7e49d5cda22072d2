using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Api.Bookings;

/// <summary>
/// How one guest fared in a guest register (PV): the outcome of the communication that carried them, and while it is
/// <c>incomplete</c> the check-in fields this guest still has to give (<c>missing_fields</c>).
/// </summary>
internal sealed record SesGuestResultResponse(Guid GuestId, SesStatus Status, string? Error, IReadOnlyList<string> MissingFields);
