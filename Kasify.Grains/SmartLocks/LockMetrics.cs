using System.Diagnostics.Metrics;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// The lock grains' instruments, on the <c>Kasify.Locks</c> meter (exporters subscribe by that name): codes the
/// vendors confirmed, and corrections after comparing a lock with its device, tagged <c>kind</c> = <c>missing</c>,
/// <c>altered</c> or <c>stray</c>.
/// </summary>
internal static class LockMetrics
{
    public const string MeterName = "Kasify.Locks";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CodesPlaced =
        Meter.CreateCounter<long>("kasify.locks.codes_placed", unit: "{code}", description: "Codes a lock's vendor confirmed as placed");

    public static readonly Counter<long> Corrections =
        Meter.CreateCounter<long>("kasify.locks.corrections", unit: "{code}", description: "Codes corrected after comparing a lock with its device");

    public static void Corrected(string kind) => Corrections.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
