using System.Security.Claims;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.Channels;

/// <summary>
/// A property's channel calendars (iCal imports from Airbnb, Booking.com and others): their status, and "sync now". The
/// property's channel registry checks the caller's role (owner or manager).
/// </summary>
internal static class ChannelCalendarsApi
{
    public static void MapChannelCalendarsApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/properties/{id:guid}/calendars").WithTags("Channels").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", ListCalendarsAsync)
            .WithName("ListChannelCalendars")
            .WithSummary("List a property's channel calendars with their sync status")
            .WithDescription(
                "Owner or manager (403 calendar.forbidden otherwise). A calendar exists for each of the property's airbnb_ical_url and "
                + "booking_ical_url; each is fetched every 10 minutes (Kasify:Channels:SyncPeriod) and its events become bookings "
                + "(stays) or blocked dates (closures). A fetch that fails, answers empty or is not a calendar changes nothing and "
                + "shows here as last_error_code; an event that left the calendar is cancelled after two successful fetches without it.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", AddCalendarAsync)
            .WithName("AddChannelCalendar")
            .WithSummary("Add a channel calendar to a property")
            .WithDescription(
                "Owner or manager. {url, channel (airbnb, booking, vrbo, other), reading? (auto, stays, closures)}: an iCal export to "
                + "import beside the property's airbnb_ical_url and booking_ical_url (VRBO, other portals, a second listing); reading "
                + "overrides how its events read. A first sync follows. 409 calendar.duplicate for a URL already imported, "
                + "409 calendar.limit beyond 10 added calendars.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{calendarId}", SetReadingAsync)
            .WithName("UpdateChannelCalendar")
            .WithSummary("Change how a channel calendar's events read")
            .WithDescription(
                "Owner or manager. {reading: auto | stays | closures}: overrides the channel's labels for every event of this calendar "
                + "(the property's own airbnb and booking calendars too); the next sync turns existing events' bookings into stays or "
                + "blocks accordingly.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{calendarId}", RemoveCalendarAsync)
            .WithName("RemoveChannelCalendar")
            .WithSummary("Remove a channel calendar from a property")
            .WithDescription(
                "Owner or manager. Stops importing an added calendar; the bookings it brought stay. The property's own airbnb and "
                + "booking calendars go by setting their URL to null (409 calendar.from_property).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{channel}/sync", SyncAsync)
            .WithName("SyncChannelCalendar")
            .WithSummary("Sync a property's channel calendar now")
            .WithDescription(
                "Owner or manager. {channel} is a channel (airbnb, booking, vrbo, other) or a calendar id; every matching calendar is "
                + "fetched and reconciled before the answer, which lists their status. 404 calendar.not_found when none matches. "
                + "Bookings, cleaning tasks and access codes follow a moment after the answer.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<ChannelCalendarsResponse>> ListCalendarsAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var calendars = await grains.GetGrain<IPropertyChannelsGrain>(id).GetCalendarsAsync(userId);
        return TypedResults.Ok(new ChannelCalendarsResponse([.. calendars.Select(ChannelCalendarResponse.From)]));
    }

    internal static async Task<Created<ChannelCalendarResponse>> AddCalendarAsync(
        Guid id, AddChannelCalendarRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var status = await grains.GetGrain<IPropertyChannelsGrain>(id).AddCalendarAsync(userId, request.ToCommand());
        return TypedResults.Created($"/v1/properties/{id}/calendars/{status.CalendarId}", ChannelCalendarResponse.From(status));
    }

    internal static async Task<Ok<ChannelCalendarResponse>> SetReadingAsync(
        Guid id, string calendarId, ChannelCalendarPatchRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var status = await grains.GetGrain<IPropertyChannelsGrain>(id).SetReadingAsync(userId, calendarId, request.Reading!.Value);
        return TypedResults.Ok(ChannelCalendarResponse.From(status));
    }

    internal static async Task<NoContent> RemoveCalendarAsync(Guid id, string calendarId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyChannelsGrain>(id).RemoveCalendarAsync(userId, calendarId);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<ChannelCalendarsResponse>> SyncAsync(Guid id, string channel, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var calendarIds = await grains.GetGrain<IPropertyChannelsGrain>(id).ResolveForSyncAsync(userId, channel);
        if (calendarIds.IsEmpty)
        {
            throw new NotFoundException("calendar.not_found", $"The property has no channel calendar '{channel}'.");
        }

        var statuses = await Task.WhenAll(calendarIds.Select(calendarId => grains.GetGrain<IChannelCalendarGrain>(id, calendarId).SyncNowAsync()));
        return TypedResults.Ok(new ChannelCalendarsResponse([.. statuses.Select(ChannelCalendarResponse.From)]));
    }

    public static void MapChannelExposureApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/properties/{id:guid}/channels").WithTags("Channels").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", GetExposureAsync)
            .WithName("GetChannelExposure")
            .WithSummary("Show a property's channels: imports, export fetches and unseen bookings")
            .WithDescription(
                "Owner or manager. export_url is the property's export calendar to give each channel. Per channel: its import "
                + "calendars with their status, when it last fetched the export (recognised by user agent) and the bookings and blocks "
                + "it has not seen yet (created or moved after that fetch; its own bookings left out): the nights it may still sell.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/export-token", RotateExportTokenAsync)
            .WithName("RotateChannelExportToken")
            .WithSummary("Replace a property's export calendar URL")
            .WithDescription("Owner or manager. The old export URL stops working at once; answers as GET /properties/{id}/channels.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<ChannelExposureResponse>> GetExposureAsync(Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(ChannelExposureResponse.From(await grains.GetGrain<IPropertyChannelsGrain>(id).GetExposureAsync(userId), request));
    }

    internal static async Task<Ok<ChannelExposureResponse>> RotateExportTokenAsync(Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(ChannelExposureResponse.From(await grains.GetGrain<IPropertyChannelsGrain>(id).RotateExportTokenAsync(userId), request));
    }
}
