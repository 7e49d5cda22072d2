using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Kasify.Api.Common;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Kasify.Api.Bookings;

/// <summary>
/// Bookings of the caller's properties. Every call goes to the property grain, which checks the caller's role and owns
/// the calendar; a booking id is first resolved to its property.
/// </summary>
internal static class BookingsApi
{
    private const string RolesNote =
        " ses_status is not_required, pending, submitted, accepted, rejected (the Ministry or the pre-send check refused it), "
        + "cancelled or incomplete (not sent: data is missing; ses_missing_fields names the fields, and it is sent as soon as "
        + "they are given). Owners and managers see everything; staff see no guest personal data (names, email, phone, notes, "
        + "special requests), no check-in code and no SES error texts; contractors cannot see bookings (403 booking.forbidden).";

    public static void MapBookingsApi(this RouteGroupBuilder routes)
    {
        var property = routes.MapGroup("/properties/{id:guid}/bookings").WithTags("Bookings").AddEndpointFilter<RequestValidationFilter>();
        property.MapPost("", CreateBookingAsync)
            .WithName("CreateBooking")
            .WithSummary("Create a booking for a property")
            .WithDescription(
                "Owner or manager. Nights are [from, to): a guest leaving on the day the next arrives is no overlap. An active "
                + "booking overlapping another active booking is a 409 booking.overlap whose conflicting_booking_id names it. "
                + "Defaults: channel manual, status confirmed, adults_count 1, other counts 0. Kasify generates the checkin_code. "
                + "status blocked holds the nights without a stay (no cleaning, access codes, check-in or police report). "
                + "A property keeps at most 5,000 bookings, of which at most 500 cancelled (409 booking.limit); stays that left "
                + "more than 90 days ago are archived and do not count.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        property.MapGet("", ListPropertyBookingsAsync)
            .WithName("ListPropertyBookings")
            .WithSummary("List bookings for a property")
            .WithDescription("Paginated bookings for the property, cancelled ones included." + RolesNote)
            .AddOpenApiOperationTransformer(DescribeListParameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        property.MapGet("/current", GetCurrentBookingAsync)
            .WithName("GetCurrentBooking")
            .WithSummary("Get the current booking for a property")
            .WithDescription(
                "The stay in progress now: arrival_at <= now < departure_at, in the property's time zone. 404 booking.none_current "
                + "when there is none." + RolesNote)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var bookings = routes.MapGroup("/bookings").WithTags("Bookings").AddEndpointFilter<RequestValidationFilter>();
        bookings.MapGet("", ListBookingsAsync)
            .WithName("ListBookings")
            .WithSummary("List bookings across all properties the caller can access")
            .WithDescription("Paginated bookings across accessible properties; properties where the caller is a contractor add none." + RolesNote)
            .AddOpenApiOperationTransformer(DescribeListParameters)
            .ProducesValidationProblem();
        bookings.MapGet("/{id:guid}", GetBookingAsync)
            .WithName("GetBooking")
            .WithSummary("Get a booking by id")
            .WithDescription(
                "A booking of a property the caller has a role on; any other id is 404 booking.not_found. Adds `ses_communications`: each "
                + "SES.HOSPEDAJES communication (RH, PV, B) with its status, lot, communication code, last error and missing_fields, and "
                + "for a PV each guest's result with the check-in fields that guest still has to give (owners and managers only)." + RolesNote)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        bookings.MapPatch("/{id:guid}", UpdateBookingAsync)
            .WithName("UpdateBooking")
            .WithSummary("Update a booking")
            .WithDescription(
                "Owner or manager. JSON merge patch: only fields present change, null clears an optional field. status cancelled "
                + "frees the dates; new dates, and confirming a cancelled booking again, are checked for overlaps (409 booking.overlap).")
            .Accepts<BookingPatchRequest>("application/merge-patch+json", "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<BookingResponse>> CreateBookingAsync(
        Guid id, BookingRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var booking = await grains.GetGrain<IBookingCalendarGrain>(id).CreateBookingAsync(userId, request.ToDetails());
        return TypedResults.Created($"/v1/bookings/{booking.Id}", BookingResponse.Of(booking));
    }

    internal static async Task<Ok<PageResponse<BookingResponse>>> ListPropertyBookingsAsync(
        Guid id, [AsParameters] BookingListParameters parameters, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var (query, page) = parameters.Parse();
        var userId = await principal.GetUserIdAsync(grains);
        var bookings = await grains.GetGrain<IBookingCalendarGrain>(id).ListBookingsAsync(userId, query, page);
        return TypedResults.Ok(PageResponse<BookingResponse>.From(bookings, BookingResponse.Of));
    }

    internal static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> GetCurrentBookingAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return await grains.GetGrain<IBookingCalendarGrain>(id).GetCurrentBookingAsync(userId) is { } booking
            ? TypedResults.Ok(BookingResponse.Of(booking))
            : KasifyProblems.Result(StatusCodes.Status404NotFound, "booking.none_current", "No stay is in progress at this property now.");
    }

    // Fans out over the caller's properties like the property list: each property counts its matches and returns the
    // first (page + 1) × size of them in the query's order, so merging those gives this page; then the page's
    // bookings are read from their properties, which apply the caller's role.
    internal static async Task<Ok<PageResponse<BookingResponse>>> ListBookingsAsync(
        [AsParameters] BookingListParameters parameters,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "propertyId"), Description("Only bookings of this property (uuid).")] string? propertyId = null)
    {
        var errors = new Dictionary<string, string[]>();
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

        var (query, page) = parameters.Parse(errors);
        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var limit = (int)Math.Min(int.MaxValue, ((long)page.PageNumber + 1) * page.Size);
        var matches = await Task.WhenAll(memberships
            .Where(membership => onlyProperty is null || membership.PropertyId == onlyProperty)
            .Select(membership => grains.GetGrain<IBookingCalendarGrain>(membership.PropertyId).FindBookingsAsync(userId, query, limit)));

        var listings = Page<BookingListing>.Of([.. query.Order(matches.SelectMany(match => match.First))], page).Content;
        var loaded = await Task.WhenAll(listings
            .GroupBy(listing => listing.PropertyId)
            .Select(group => grains.GetGrain<IBookingCalendarGrain>(group.Key).GetBookingsAsync(userId, [.. group.Select(listing => listing.Id)])));
        var byId = loaded.SelectMany(found => found).ToDictionary(booking => booking.Id);
        var content = listings.Where(listing => byId.ContainsKey(listing.Id)).Select(listing => byId[listing.Id]).ToList();
        var total = matches.Sum(match => (long)match.Total);
        return TypedResults.Ok(PageResponse<BookingResponse>.From(new Page<BookingDto>([.. content], page.PageNumber, page.Size, total), BookingResponse.Of));
    }

    internal static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> GetBookingAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var booking = await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is { } propertyId
            ? await grains.GetGrain<IBookingCalendarGrain>(propertyId).GetBookingAsync(userId, id)
            : null;
        return booking is null ? BookingNotFound() : TypedResults.Ok(BookingResponse.Detailed(booking));
    }

    // The body is read here rather than bound, so that the OpenAPI document shows the declared patch schema and a
    // merge patch can tell an absent field from an explicit null.
    internal static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> UpdateBookingAsync(
        Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await MergePatchDocument.ReadAsync(request, json.Value.SerializerOptions, cancellationToken) is not { } document)
        {
            return KasifyProblems.Result(
                StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", "Send application/merge-patch+json or application/json.");
        }

        var patch = BookingPatchParser.Parse(document);
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return BookingNotFound();
        }

        var booking = await grains.GetGrain<IBookingCalendarGrain>(propertyId).UpdateBookingAsync(userId, id, patch);
        return TypedResults.Ok(BookingResponse.Of(booking));
    }

    // The list parameters are bound as text (see BookingListParameters); the document still tells clients their formats.
    private static Task DescribeListParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "from" or "to":
                    schema.Format = "date";
                    break;
                case "propertyId":
                    schema.Format = "uuid";
                    break;
                case "channel":
                    schema.Enum = [.. Enum.GetValues<BookingChannel>().Select(channel => (JsonNode)BookingListParameters.WireName(channel))];
                    break;
                case "sortBy":
                    schema.Enum = [(JsonNode)"CHECKIN", (JsonNode)"CHECKOUT"];
                    break;
                case "sortDescending":
                    schema.Type = JsonSchemaType.Boolean;
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static ProblemHttpResult BookingNotFound() =>
        KasifyProblems.Result(StatusCodes.Status404NotFound, "booking.not_found", "No such booking.");
}
