using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A lock's codes of one booking compared with the device's code list, read at <paramref name="CheckedAt"/>.
/// <paramref name="DeviceRead"/> is false when the vendor could not be read (rate limited, unreachable, lock offline);
/// then every code's <see cref="CodePresence.OnDevice"/> is false and nothing was corrected. Codes found missing or
/// altered are already queued to be placed again. <paramref name="ForeignCodes"/> counts the codes someone else put on
/// the device (they count against its capacity).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.LockCodeCheck")]
public sealed record LockCodeCheck(
    Guid SmartLockId,
    string SmartLockName,
    bool DeviceRead,
    DateTimeOffset CheckedAt,
    int ForeignCodes,
    ImmutableArray<CodePresence> Codes);
