using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Api.Channels;

/// <summary>The property's export calendar URL and, per channel, its imports, its last fetch of the export and what it has not seen.</summary>
/// <param name="ExportUrl">The export calendar to give each channel (secret: anyone with it sees which nights are taken).</param>
/// <param name="Channels">One entry per channel that imports to or fetches from the property.</param>
internal sealed record ChannelExposureResponse(string ExportUrl, IReadOnlyList<ChannelExposureEntry> Channels)
{
    public static ChannelExposureResponse From(ChannelExposure exposure, HttpRequest request) => new(
        $"{request.Scheme}://{request.Host}/v1/calendars/{exposure.ExportToken}.ics",
        [.. exposure.Channels.Select(row => new ChannelExposureEntry(
            row.Channel,
            [.. row.Imports.Select(ChannelCalendarResponse.From)],
            row.LastExportFetchAt,
            row.LastExportUserAgent,
            [.. row.Unseen.Select(held => new UnseenNights(held.BookingId, held.From, held.To, held.Blocked))]))]);
}
