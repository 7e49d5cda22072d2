namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>A booking's window on a lock: from its arrival to its departure instant.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.AccessCodeRequest")]
public sealed record AccessCodeRequest(Guid BookingId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
