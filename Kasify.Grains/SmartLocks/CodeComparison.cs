namespace Kasify.Grains.SmartLocks;

/// <summary>
/// The outcome of comparing a lock's codes with the device's list (<see cref="CodeReconciliation.Compare"/>): the live
/// codes the device lacks, those it holds otherwise, the Kasify-named codes nothing claims, how many codes are someone
/// else's, and which codes the device holds exactly as wanted.
/// </summary>
internal sealed record CodeComparison(
    IReadOnlyList<LockCode> Missing,
    IReadOnlyList<(LockCode Code, LockCodeDrift Drift)> Altered,
    IReadOnlyList<DeviceCode> Strays,
    int ForeignCodes,
    IReadOnlySet<Guid> OnDevice);
