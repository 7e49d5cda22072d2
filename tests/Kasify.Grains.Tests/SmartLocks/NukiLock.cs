using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>A lock of a <see cref="NukiHost"/>: the device id at the fake and the smart lock Kasify made of it.</summary>
internal sealed record NukiLock(long DeviceId, SmartLockDto SmartLock);
