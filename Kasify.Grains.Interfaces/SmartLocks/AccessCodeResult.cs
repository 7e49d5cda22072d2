namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>What one lock answered to a booking's code request: its code, or why it has none.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.AccessCodeResult")]
public sealed record AccessCodeResult(AccessCodeDto? Code, SmartLockFailure? Failure);
