namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A booking's window on a lock: from its arrival to its departure instant, as of the booking's
/// <paramref name="Revision"/> at the property. Code requests and booking changes reach a lock concurrently, so the lock
/// keeps the newest revision it has seen and never lets an older request undo a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.AccessCodeRequest")]
public sealed record AccessCodeRequest(Guid BookingId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, long Revision);
