using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Kasify.Api.Common;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.Timeline;

/// <summary>
/// What is coming up and what happened on the caller's properties. Both fan out over the caller's memberships; each
/// property grain applies the caller's role there.
/// </summary>
internal static class TimelineApi
{
    public static void MapTimelineApi(this RouteGroupBuilder routes)
    {
        var timeline = routes.MapGroup("/timeline").WithTags("Timeline").AddEndpointFilter<RequestValidationFilter>();
        timeline.MapGet("/upcoming", GetUpcomingAsync)
            .WithName("GetUpcomingTimeline")
            .WithSummary("List upcoming arrivals and departures grouped by day")
            .WithDescription(
                "The caller's next days across every accessible property: [{date, events}], only days with events, by date; events "
                + "by time, each of type arrival or departure (tasks later). Days are dates in each property's own time zone, from its "
                + "today. Owners and managers see the guest's name, staff do not, contractors see no bookings.")
            .AddOpenApiOperationTransformer(DescribeUpcoming)
            .ProducesValidationProblem();
        timeline.MapGet("/activity", ListActivityAsync)
            .WithName("ListActivity")
            .WithSummary("List recent activity on the caller's properties")
            .WithDescription(
                "Paginated, newest first: bookings created, changed and cancelled, guests registered, check-ins completed. Summaries "
                + "carry no guest personal data. Contractors see no booking events. Each property keeps its latest "
                + $"{IActivityFeedGrain.Capacity} entries. An entry is written right after the change it reports is answered, so it can "
                + "appear a moment after that answer.")
            .AddOpenApiOperationTransformer(DescribeActivity)
            .ProducesValidationProblem();
    }

    internal static async Task<Ok<TimelineDayResponse[]>> GetUpcomingAsync(
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "days"), Description("How many days from today, today included (1 to 31, default 7).")] string? days = null)
    {
        var count = TimelineLimits.DefaultDays;
        if (!string.IsNullOrEmpty(days)
            && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > TimelineLimits.MaxDays))
        {
            throw new RequestValidationException("validation.failed", "days", $"A whole number between 1 and {TimelineLimits.MaxDays}.");
        }

        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var upcoming = await Task.WhenAll(memberships.Select(membership => grains.GetGrain<IBookingCalendarGrain>(membership.PropertyId).GetUpcomingAsync(userId, count)));
        return TypedResults.Ok(upcoming
            .SelectMany(events => events)
            .GroupBy(item => item.Date)
            .OrderBy(day => day.Key)
            .Select(day => new TimelineDayResponse(
                day.Key,
                [.. day.OrderBy(item => item.At).ThenBy(item => item.Type).ThenBy(item => item.PropertyId).ThenBy(item => item.BookingId).Select(TimelineEventResponse.Of)]))
            .ToArray());
    }

    // Each property returns its visible count and its newest (page + 1) × size entries, so merging those gives this page.
    internal static async Task<Ok<PageResponse<ActivityEntryResponse>>> ListActivityAsync(
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "page"), Description("Zero-based page index (default 0).")] string? page = null,
        [FromQuery(Name = "size"), Description("Page size (max 100, default 20).")] string? size = null,
        [FromQuery(Name = "propertyId"), Description("Only activity of this property (uuid).")] string? propertyId = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new PageRequest(0, PageRequest.DefaultSize);
        try
        {
            request = Paging.ToPageRequest(page, size);
        }
        catch (RequestValidationException paging)
        {
            foreach (var (field, messages) in paging.Errors)
            {
                errors[field] = messages;
            }
        }

        Guid? onlyProperty = null;
        if (!string.IsNullOrEmpty(propertyId))
        {
            if (Guid.TryParse(propertyId, out var parsed))
            {
                onlyProperty = parsed;
            }
            else
            {
                errors["propertyId"] = ["A property id (uuid)."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid query parameters.", errors.ToImmutableDictionary());
        }

        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var limit = (int)Math.Min(IActivityFeedGrain.Capacity, ((long)request.PageNumber + 1) * request.Size);
        var feeds = (await Task.WhenAll(memberships
                .Where(membership => onlyProperty is null || membership.PropertyId == onlyProperty)
                .Select(membership => grains.GetGrain<IPropertyGrain>(membership.PropertyId).GetActivityAsync(userId, limit))))
            .OfType<PropertyActivity>()
            .ToList();
        var names = feeds.ToDictionary(feed => feed.PropertyId, feed => feed.PropertyName);
        var merged = feeds
            .SelectMany(feed => feed.Latest)
            .OrderByDescending(entry => entry.OccurredAt)
            .ThenByDescending(entry => entry.Id)
            .ToList();
        var content = Page<ActivityEntry>.Of(merged, request).Content;
        var total = feeds.Sum(feed => (long)feed.Total);
        return TypedResults.Ok(PageResponse<ActivityEntryResponse>.From(
            new Page<ActivityEntry>(content, request.PageNumber, request.Size, total), entry => ActivityEntryResponse.Of(entry, names[entry.PropertyId])));
    }

    private static Task DescribeUpcoming(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name == "days" && parameter.Schema is OpenApiSchema schema)
            {
                schema.Type = JsonSchemaType.Integer;
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeActivity(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "page" or "size":
                    schema.Type = JsonSchemaType.Integer;
                    break;
                case "propertyId":
                    schema.Format = "uuid";
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
