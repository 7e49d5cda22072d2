using System.Security.Claims;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.Calendar;

/// <summary>
/// The calendar of one property and of every property the caller can access, served by the property grains from the
/// bookings they keep. Windows are days in each property's own time zone.
/// </summary>
internal static class CalendarApi
{
    private const string WindowNote =
        " The window [from, to] is inclusive and in the property's time zone: from defaults to today there, to to one month after "
        + "from; at most 366 days (400 otherwise). A booking is in the window when any of its days, arrival through departure, is; "
        + "cancelled bookings are left out. Owners and managers see the guest's name; staff do not; contractors see no bookings "
        + "(their calendar will hold the tasks assigned to them).";

    public static void MapCalendarApi(this RouteGroupBuilder routes)
    {
        var calendar = routes.MapGroup("").WithTags("Calendar").AddEndpointFilter<RequestValidationFilter>();
        calendar.MapGet("/properties/{id:guid}/calendar", GetPropertyCalendarAsync)
            .WithName("ListPropertyCalendarEvents")
            .WithSummary("List calendar events for a property")
            .WithDescription("The property's bookings (and later tasks) in the window, by start." + WindowNote)
            .AddOpenApiOperationTransformer(DescribeWindow)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/calendar", ListCalendarsAsync)
            .WithName("ListCalendarEventsByProperty")
            .WithSummary("List upcoming calendar events across accessible properties")
            .WithDescription(
                "Every property the caller can access, by name, each with its window and its events. Defaults are per property, "
                + "today in each property's own time zone." + WindowNote)
            .AddOpenApiOperationTransformer(DescribeWindow)
            .ProducesValidationProblem();
    }

    internal static async Task<Ok<CalendarEventResponse[]>> GetPropertyCalendarAsync(
        Guid id, [AsParameters] CalendarParameters parameters, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var window = parameters.Parse();
        var userId = await principal.GetUserIdAsync(grains);
        var calendar = await grains.GetGrain<IBookingCalendarGrain>(id).GetCalendarAsync(userId, window);
        return TypedResults.Ok(calendar.Events.Select(CalendarEventResponse.Of).ToArray());
    }

    internal static async Task<Ok<PropertyCalendarResponse[]>> ListCalendarsAsync(
        [AsParameters] CalendarParameters parameters, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var window = parameters.Parse();
        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var calendars = await Task.WhenAll(memberships.Select(membership => grains.GetGrain<IBookingCalendarGrain>(membership.PropertyId).FindCalendarAsync(userId, window)));
        return TypedResults.Ok(calendars
            .OfType<PropertyCalendar>()
            .OrderBy(calendar => calendar.PropertyName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(calendar => calendar.PropertyId)
            .Select(PropertyCalendarResponse.Of)
            .ToArray());
    }

    private static Task DescribeWindow(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name is "from" or "to" && parameter.Schema is OpenApiSchema schema)
            {
                schema.Format = "date";
            }
        }

        return Task.CompletedTask;
    }
}
