namespace Kasify.Grains.SmartLocks;

/// <summary>A lock's live status as read from the vendor at <see cref="CheckedAt"/>.</summary>
[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.LockReading")]
internal sealed record LockReading(
    [property: Id(0)] string LockState,
    [property: Id(1)] string DoorState,
    [property: Id(2)] int? BatteryCharge,
    [property: Id(3)] bool? BatteryCritical,
    [property: Id(4)] bool Online,
    [property: Id(5)] DateTimeOffset CheckedAt);
