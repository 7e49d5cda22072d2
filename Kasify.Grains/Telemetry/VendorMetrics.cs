using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kasify.Grains.Telemetry;

/// <summary>
/// The <c>Kasify.Vendors</c> meter: how long each HTTP request to a vendor took, and how it ended. Recorded by the
/// handler <see cref="VendorTelemetryHttpClientBuilderExtensions.AddVendorTelemetry"/> puts on each vendor client.
/// </summary>
public sealed class VendorMetrics
{
    /// <summary>The meter's name; hosts export every meter named <c>Kasify.*</c>.</summary>
    public const string MeterName = "Kasify.Vendors";

    /// <summary>The histogram of request durations, in seconds.</summary>
    public const string DurationName = "kasify.vendor.duration";

    /// <summary>Tag: which vendor (<see cref="VendorNames"/>).</summary>
    public const string VendorTag = "vendor";

    /// <summary>Tag: <see cref="Success"/>, <see cref="Error"/> or <see cref="Timeout"/>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: the HTTP status code of the answer, absent when none arrived.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Outcome: the vendor answered with a 2xx status.</summary>
    public const string Success = "success";

    /// <summary>Outcome: the vendor answered with another status, or the request failed (connection, TLS, policy).</summary>
    public const string Error = "error";

    /// <summary>Outcome: the request was cancelled before an answer, by an attempt or total timeout (or its caller).</summary>
    public const string Timeout = "timeout";

    private readonly Histogram<double> _duration;

    public VendorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            DurationName,
            unit: "s",
            description: "Duration of HTTP requests to vendors, per attempt (retries are recorded one by one).");
    }

    internal void Record(string vendor, string outcome, int? statusCode, TimeSpan duration)
    {
        var tags = new TagList
        {
            { VendorTag, vendor },
            { OutcomeTag, outcome },
        };
        if (statusCode is { } status)
        {
            tags.Add(StatusCodeTag, status);
        }

        _duration.Record(duration.TotalSeconds, tags);
    }
}
