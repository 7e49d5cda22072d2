namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// One live code as the device showed it: <paramref name="OnDevice"/> when the device holds it with Kasify's window, PIN
/// (where the vendor shows it) and enabled, as of the read; <paramref name="Status"/> is Kasify's status after the check.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.CodePresence")]
public sealed record CodePresence(Guid CodeId, AccessCodeStatus Status, bool OnDevice);
