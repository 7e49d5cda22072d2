using Kasify.Api.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kasify.Api.Health;

/// <summary>Ready when the client is connected and a silo answers a management call (no grain state is touched).</summary>
internal sealed class ClusterHealthCheck(ClusterConnection connection, IGrainFactory grains) : IHealthCheck
{
    private const int TimeoutSeconds = 5;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Not connected to the Orleans cluster yet.");
        }

        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(TimeoutSeconds), cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", exception);
        }
    }
}
