using System.Diagnostics.Metrics;
using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Grains.Readiness;

/// <summary>The readiness meter (<c>Kasify.Readiness</c>): failed checks per check kind, counted at each evaluation that fails.</summary>
internal static class ReadinessMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "Kasify.Readiness";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "kasify.readiness.failures", unit: "{check}", description: "Readiness checks evaluated as failed, by check.");

    public static void CountFailure(ReadinessCheckKind kind) =>
        Failures.Add(1, new KeyValuePair<string, object?>("check", ReadinessRules.WireName(kind)));
}
