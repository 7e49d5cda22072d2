using System.Diagnostics;

namespace Kasify.Grains.Telemetry;

/// <summary>Records each request that passes through it in <see cref="VendorMetrics"/>, tagged with its vendor.</summary>
internal sealed class VendorTelemetryHandler(VendorMetrics metrics, string vendor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Elapsed wall time, not a TimeProvider: silos in tests may run on a fake clock, and latency is real time.
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var outcome = response.IsSuccessStatusCode ? VendorMetrics.Success : VendorMetrics.Error;
            metrics.Record(vendor, outcome, (int)response.StatusCode, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception exception) when (RecordFailure(exception, started))
        {
            // Never reached: the filter records and declines, so the exception leaves with its stack intact.
            throw;
        }
    }

    private bool RecordFailure(Exception exception, long started)
    {
        var outcome = exception is OperationCanceledException or TimeoutException ? VendorMetrics.Timeout : VendorMetrics.Error;
        metrics.Record(vendor, outcome, statusCode: null, Stopwatch.GetElapsedTime(started));
        return false;
    }
}
