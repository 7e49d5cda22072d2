namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>A lock that could not take a booking's code: its id and name, a stable error code and a human message.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.SmartLockFailure")]
public sealed record SmartLockFailure(Guid SmartLockId, string Name, string Error, string Message);
