using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>A booking's codes across its property's locks, and the locks that could not take one.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.BookingAccessCodes")]
public sealed record BookingAccessCodes(Guid BookingId, ImmutableArray<AccessCodeDto> Codes, ImmutableArray<SmartLockFailure> FailedSmartLocks);
