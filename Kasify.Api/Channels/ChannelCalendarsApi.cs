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
}
