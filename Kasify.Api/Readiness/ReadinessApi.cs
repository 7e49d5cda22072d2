using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Readiness;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.Readiness;

/// <summary>
/// Arrival readiness: the checks Kasify runs before each arrival (48, 24 and 2 hours before check-in by default). The
/// property's readiness grain decides what the caller sees: owners and managers every check, staff and contractors the
/// lock and cleaning checks; others get 404.
/// </summary>
internal static class ReadinessApi
{
    /// <summary>The most days ahead the property list covers.</summary>
    public const int MaxDays = 60;

    private const int DefaultDays = 7;

    public static void MapReadinessApi(this RouteGroupBuilder routes)
    {
        routes.MapGet("/bookings/{id:guid}/readiness", GetBookingReadinessAsync)
            .WithTags("Bookings")
            .WithName("GetBookingReadiness")
            .WithSummary("Get the readiness of a booking's arrival")
            .WithDescription(
                "Each check of the upcoming arrival with its status (ok, warning, failed, pending), when it was last evaluated and what is "
                + "being done: locks online, batteries, the guest's code on each lock, the cleaning before the arrival, check-in and SES "
                + "(where connected). A failed lock check shows its maintenance task and the lock holding the guest's backup code. Staff "
                + "and contractors see the lock and cleaning checks only. 404 readiness.not_found when the booking has no upcoming arrival.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/properties/{id:guid}/readiness", ListPropertyReadinessAsync)
            .WithTags("Properties")
            .WithName("ListPropertyReadiness")
            .WithSummary("List the readiness of a property's upcoming arrivals")
            .WithDescription($"The arrivals of the next days (1 to {MaxDays}, default {DefaultDays}) by arrival, each with its checks as the caller may see them.")
            .AddOpenApiOperationTransformer(DescribeDays)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Ok<ArrivalReadinessResponse>, ProblemHttpResult>> GetBookingReadinessAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return KasifyProblems.Result(StatusCodes.Status404NotFound, "booking.not_found", "No such booking.");
        }

        var readiness = await grains.GetGrain<IArrivalReadinessGrain>(propertyId).GetBookingReadinessAsync(userId, id);
        return TypedResults.Ok(ArrivalReadinessResponse.From(readiness));
    }

    internal static async Task<Ok<ArrivalReadinessResponse[]>> ListPropertyReadinessAsync(
        Guid id,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "days"), Description("How many days ahead (1 to 60, default 7).")] string? days = null)
    {
        var count = DefaultDays;
        if (!string.IsNullOrEmpty(days)
            && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDays))
        {
            throw new RequestValidationException("validation.failed", "days", $"A whole number between 1 and {MaxDays}.");
        }

        var userId = await principal.GetUserIdAsync(grains);
        var arrivals = await grains.GetGrain<IArrivalReadinessGrain>(id).ListUpcomingAsync(userId, count);
        return TypedResults.Ok(arrivals.Select(ArrivalReadinessResponse.From).ToArray());
    }

    private static Task DescribeDays(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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
}
