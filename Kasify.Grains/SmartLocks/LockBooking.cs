namespace Kasify.Grains.SmartLocks;

/// <summary>The newest state of a booking a lock has been told: its revision at the property, window and whether it is active.</summary>
[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.LockBooking")]
internal sealed record LockBooking(
    [property: Id(0)] long Revision,
    [property: Id(1)] DateTimeOffset ValidFrom,
    [property: Id(2)] DateTimeOffset ValidTo,
    [property: Id(3)] bool Active);
