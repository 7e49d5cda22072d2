using System.Diagnostics;

namespace Kasify.Hosting.Telemetry;

/// <summary>What an outgoing HTTP span records of the URL it called.</summary>
internal static class OutgoingUrls
{
    /// <summary>The OpenTelemetry attribute with the full URL of an outgoing request.</summary>
    public const string UrlFullTag = "url.full";

    /// <summary>
    /// Keeps the scheme, host and port of the request's URL and drops its path and query. Vendor URLs carry secrets
    /// there (channels' iCal feed tokens, user-chosen console paths), and spans leave the host; the vendor and the
    /// timing are what a trace needs.
    /// </summary>
    public static void RecordAuthorityOnly(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            // Uri.Authority is host and port only: user information in a URL never reaches the span either.
            activity.SetTag(UrlFullTag, $"{uri.Scheme}://{uri.Authority}/");
        }
        else
        {
            activity.SetTag(UrlFullTag, null);
        }
    }
}
