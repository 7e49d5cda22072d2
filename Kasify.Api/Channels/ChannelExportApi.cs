using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.Net.Http.Headers;

namespace Kasify.Api.Channels;

/// <summary>
/// The public export calendar channels import: <c>GET /calendars/{token}.ics</c>. The token is the credential; the
/// calendar shows taken nights only ("Reserved", "Not available"), no guest data. Each fetch is recorded for the exposure
/// report.
/// </summary>
internal static class ChannelExportApi
{
    public static void MapChannelExportApi(this RouteGroupBuilder routes)
    {
        routes.MapGet("/calendars/{token}.ics", ExportAsync)
            .WithTags("Channels")
            .WithName("GetChannelExportCalendar")
            .WithSummary("Get a property's export calendar")
            .WithDescription(
                "Public: the token in the URL is the credential (GET /properties/{id}/channels gives the URL; rotating it stops the "
                + "old one). text/calendar with every active booking as \"Reserved\" and every block as \"Not available\", all-day, "
                + "no guest data. ETag and Last-Modified are honoured (304). 404 calendar.not_found for an unknown token.")
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> ExportAsync(string token, HttpContext context, IGrainFactory grains)
    {
        var notFound = new NotFoundException("calendar.not_found", "No calendar has this address.");
        if (token.Length is < 16 or > 64 || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw notFound;
        }

        var propertyId = await grains.GetGrain<IChannelExportTokenGrain>(token).GetPropertyIdAsync() ?? throw notFound;
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var export = await grains.GetGrain<IPropertyChannelsGrain>(propertyId).ExportAsync(token, userAgent.Length > 0 ? userAgent : null)
            ?? throw notFound;

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(export.ETag);
        headers.LastModified = export.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        var request = context.Request.GetTypedHeaders();
        var unchanged = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Tag.Equals(export.ETag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any))
            : request.IfModifiedSince is { } since && export.LastModified.AddTicks(-(export.LastModified.Ticks % TimeSpan.TicksPerSecond)) <= since;
        return unchanged ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(export.Text, "text/calendar; charset=utf-8");
    }
}
