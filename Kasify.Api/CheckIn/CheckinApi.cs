using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Common;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Api.RateLimiting;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Kasify.Api.CheckIn;

/// <summary>
/// The public guest check-in (no token; limited per client IP so codes cannot be enumerated) and the hosts' guest list.
/// A code resolves to its booking through the code index, and the booking answers: it knows its property's zone and
/// times, and a deleted property's bookings have no check-in. The guest list asks each property's guest index.
/// </summary>
internal static class CheckinApi
{
    // Codes Kasify generates are 24 characters; anything much longer is not worth a grain look-up.
    private const int MaxCodeLength = 64;

    public static void MapCheckinApi(this RouteGroupBuilder routes)
    {
        var checkin = routes.MapGroup("/checkin/{code}")
            .WithTags("Checkin")
            .AllowAnonymous()
            .RequireRateLimiting(KasifyRateLimits.PublicPerIp)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        checkin.MapGet("", GetSnapshotAsync)
            .WithName("GetCheckinSnapshot")
            .WithSummary("Get the guest check-in snapshot for a booking")
            .WithDescription(
                "Public endpoint. What the guest check-in form needs: the property, the stay, the guests registered so far "
                + "(name and masked document number only), the flags checkin_completed (every expected guest registered and "
                + "nothing missing), checkin_closed (the departure date has passed in the property's time zone, or the booking is "
                + "cancelled) and has_minors, and missing_data: what registered guests still have to give before the police register "
                + "can be sent, as {guest_id, field, code, message} (for example an adult travelling with minors and code "
                + "checkin.adult_relationship_required when no relationship follows from the minors' codes; any one listed adult's "
                + "answer is enough), fixed with PUT /checkin/{code}/guests/{guest_id}. An unknown code is 404 checkin.not_found. "
                + "Limited per client IP.");
        checkin.MapPost("/guests", RegisterGuestAsync)
            .WithName("RegisterCheckinGuest")
            .WithSummary("Register a guest on a booking")
            .WithDescription(
                "Public endpoint. Registers one guest against the booking and returns the updated snapshot (201). Every "
                + "SES.HOSPEDAJES rule is checked first; each broken rule is a 400 field error \"{code}: {text}\" with a stable "
                + "code (checkin.required, checkin.document_required, checkin.nif_invalid, checkin.relationship_required, …); an "
                + "adult whose registration would complete a check-in with minors where no adult's relationship is given or follows "
                + "from the minors' codes (HJ gives PM for a lone adult) is checkin.adult_relationship_required. When the last guest "
                + "is a minor, the check-in instead waits for an adult's correction (missing_data). Registering beyond guests_number is "
                + "409 checkin.full; a closed check-in is 409 checkin.closed. Identity data is stored encrypted. Limited per client IP.")
            .AddOpenApiOperationTransformer(DescribeGuestBodyAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        checkin.MapPut("/guests/{guestId:guid}", ReplaceGuestAsync)
            .WithName("ReplaceCheckinGuest")
            .WithSummary("Correct a registered guest")
            .WithDescription(
                "Public endpoint. Replaces a registered guest's data, with the same checks as registering, to fix what "
                + "SES.HOSPEDAJES refused or what the snapshot's missing_data asks for; returns the updated snapshot. When every "
                + "expected guest is registered and nothing is missing it completes the check-in (again: a new checkin_completed_at), "
                + "which sends the guest register. Unknown guest is 404 checkin.guest_not_found; "
                + "a closed check-in is 409 checkin.closed; a guest whose register the Ministry holds or is processing is 409 "
                + "checkin.reported. Limited per client IP.")
            .AddOpenApiOperationTransformer(DescribeGuestBodyAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        routes.MapGet("/guests", ListGuestsAsync)
            .WithTags("Guests")
            .WithName("ListGuests")
            .WithSummary("List guests registered under the caller's account")
            .WithDescription(
                "Paginated guests registered through online check-in on the properties where the caller is owner or manager, "
                + "newest first; properties where the caller is staff or contractor add none. query matches every word in part of a "
                + "name, case- and accent-insensitively, or as a whole document number (never a part of one). Document numbers "
                + "are masked. A guest is listed moments after the registration is answered.")
            .ProducesValidationProblem();
    }

    internal static async Task<Results<Ok<CheckinSnapshotResponse>, ProblemHttpResult>> GetSnapshotAsync(
        [Description("The booking's check-in code.")] string code, IGrainFactory grains)
    {
        var snapshot = await ResolveBookingAsync(code, grains) is { } bookingId
            ? await grains.GetGrain<IBookingGrain>(bookingId).GetCheckinAsync()
            : null;
        return snapshot is null ? NotFound() : TypedResults.Ok(CheckinSnapshotResponse.Of(snapshot));
    }

    // The body is read here rather than bound: a bound body makes routing answer a wrong content type from an endpoint
    // that does not carry this group's anonymous access, so a guest would be told to authenticate instead of 415.
    internal static async Task<Results<Created<CheckinSnapshotResponse>, ProblemHttpResult>> RegisterGuestAsync(
        [Description("The booking's check-in code.")] string code,
        HttpRequest http,
        IGrainFactory grains,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return UnsupportedMediaType();
        }

        var request = await ReadGuestAsync(http, json.Value.SerializerOptions, cancellationToken);
        if (await ResolveBookingAsync(code, grains) is not { } bookingId)
        {
            return NotFound();
        }

        var snapshot = await grains.GetGrain<IBookingGrain>(bookingId).RegisterGuestAsync(request.ToRegistration());
        await WakeReportingAsync(grains, bookingId, snapshot);
        return TypedResults.Created($"/v1/checkin/{Uri.EscapeDataString(code)}", CheckinSnapshotResponse.Of(snapshot));
    }

    internal static async Task<Results<Ok<CheckinSnapshotResponse>, ProblemHttpResult>> ReplaceGuestAsync(
        [Description("The booking's check-in code.")] string code,
        [Description("The registered guest's id (from the snapshot).")] Guid guestId,
        HttpRequest http,
        IGrainFactory grains,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return UnsupportedMediaType();
        }

        var request = await ReadGuestAsync(http, json.Value.SerializerOptions, cancellationToken);
        if (await ResolveBookingAsync(code, grains) is not { } bookingId)
        {
            return NotFound();
        }

        var snapshot = await grains.GetGrain<IBookingGrain>(bookingId).ReplaceGuestAsync(guestId, request.ToRegistration());
        await WakeReportingAsync(grains, bookingId, snapshot);
        return TypedResults.Ok(CheckinSnapshotResponse.Of(snapshot));
    }

    private static ProblemHttpResult UnsupportedMediaType() =>
        KasifyProblems.Result(StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", "Send the guest as application/json.");

    private static async Task<GuestRegistrationRequest> ReadGuestAsync(HttpRequest http, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        GuestRegistrationRequest? request;
        try
        {
            request = await http.ReadFromJsonAsync<GuestRegistrationRequest>(options, cancellationToken);
        }
        catch (JsonException malformed)
        {
            // The same answer a bound body gets: a field error at the JSON path.
            throw new BadHttpRequestException("The guest is not valid JSON.", StatusCodes.Status400BadRequest, malformed);
        }

        return request ?? throw new RequestValidationException("validation.failed", "body", "Send the guest as a JSON object.");
    }

    // Like the booking list: each property's guest index counts its matching guests and returns its newest
    // (page + 1) × size, so merging those gives this page. No booking is asked: the index holds what the list shows.
    internal static async Task<Ok<PageResponse<GuestResponse>>> ListGuestsAsync(
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "page"), Description("Zero-based page index (default 0).")] string? page = null,
        [FromQuery(Name = "size"), Description("Page size (max 100).")] string? size = null,
        [FromQuery(Name = "query"), Description("Words to find in the guests' names, or whole document numbers.")] string? query = null)
    {
        var pageRequest = Paging.ToPageRequest(page, size);
        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var limit = (int)Math.Min(int.MaxValue, ((long)pageRequest.PageNumber + 1) * pageRequest.Size);
        var text = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var matches = await Task.WhenAll(memberships
            .Where(membership => membership.AccessLevel is AccessLevel.Owner or AccessLevel.Manager)
            .Select(membership => grains.GetGrain<IPropertyGuestsGrain>(membership.PropertyId).FindGuestsAsync(userId, text, limit)));
        var guests = Page<GuestDto>.Of([.. CheckinView.NewestFirst(matches.SelectMany(match => match.First))], pageRequest);
        var total = matches.Sum(match => (long)match.Total);
        return TypedResults.Ok(PageResponse<GuestResponse>.From(guests with { TotalElements = total }, GuestResponse.Of));
    }

    // A complete check-in is the guest register's trigger: police reporting looks at it now rather than at its next
    // reminder tick. The booking grain cannot wake it itself (reporting reads the booking: that would be a cycle).
    private static async Task WakeReportingAsync(IGrainFactory grains, Guid bookingId, CheckinSnapshot snapshot)
    {
        if (snapshot.CheckinCompleted)
        {
            await grains.GetGrain<IBookingSesGrain>(bookingId).WakeAsync();
        }
    }

    private static async Task<Guid?> ResolveBookingAsync(string code, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
        {
            return null;
        }

        // Codes issued before they were indexed by hash are found under their raw key once, which moves them.
        if ((await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(code)).ResolveAsync()
                ?? await grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.Legacy(code)).ResolveAsync()) is not { } bookingId)
        {
            return null;
        }

        return bookingId;
    }

    private static ProblemHttpResult NotFound() =>
        KasifyProblems.Result(StatusCodes.Status404NotFound, "checkin.not_found", "No booking has this check-in code.");

    // The body is documented here instead of with Accepts<T>(): Accepts would make routing pick the content type, and
    // its 415 answer comes from an endpoint without this group's anonymous access (a guest would get 401).
    private static async Task DescribeGuestBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string SchemaName = nameof(GuestRegistrationRequest);
        var schema = await context.GetOrCreateSchemaAsync(typeof(GuestRegistrationRequest), null, cancellationToken);
        context.Document?.AddComponent(SchemaName, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
            },
        };
    }
}
