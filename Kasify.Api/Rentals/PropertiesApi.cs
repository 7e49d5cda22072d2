using System.Security.Claims;
using Kasify.Api.Channels;
using Kasify.Api.Common;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Rentals;

/// <summary>Properties the caller owns or works on.</summary>
internal static class PropertiesApi
{
    public static void MapPropertiesApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/properties").WithTags("Properties").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", ListPropertiesAsync).WithName("ListProperties").WithSummary("List properties accessible to the caller");
        group.MapPost("", CreatePropertyAsync)
            .WithName("CreateProperty")
            .WithSummary("Create a property")
            .WithDescription("The caller becomes the property's owner.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetPropertyAsync)
            .WithName("GetProperty")
            .WithSummary("Get a property by id")
            .WithDescription("For the owner, calendars lists each channel calendar's import status (as GET /properties/{id}/calendars); null for other roles.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", ReplacePropertyAsync)
            .WithName("UpdateProperty")
            .WithSummary("Update a property")
            .WithDescription("Replaces every mutable field; absent optional fields are cleared.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", PatchPropertyAsync)
            .WithName("PatchProperty")
            .WithSummary("Partially update property")
            .WithDescription("JSON merge patch: only fields present change, null clears. Geo fields and iCal URLs are PUT-only; only the owner may set default_cleaner_id. auto_access_codes true gives every stay its code on each smart lock by itself, a lead time (2 days by default) before arrival.")
            .Accepts<PropertyPatchRequest>("application/merge-patch+json", "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeletePropertyAsync)
            .WithName("DeleteProperty")
            .WithSummary("Delete a property")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapCoverImageApi();
    }

    internal static async Task<Ok<PropertyResponse[]>> ListPropertiesAsync(ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var properties = await Task.WhenAll(memberships.Select(membership => grains.GetGrain<IPropertyGrain>(membership.PropertyId).GetAsync(userId)));
        return TypedResults.Ok(properties
            .OfType<PropertyDto>()
            .OrderBy(property => property.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(property => property.Id)
            .Select(PropertyResponse.From)
            .ToArray());
    }

    internal static async Task<Created<PropertyResponse>> CreatePropertyAsync(PropertyRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var property = await grains.GetGrain<IPropertyGrain>(Guid.NewGuid()).CreateAsync(userId, request.ToDetails());
        return TypedResults.Created($"/v1/properties/{property.Id}", PropertyResponse.From(property));
    }

    internal static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> GetPropertyAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IPropertyGrain>(id).GetAsync(userId) is not { } property)
        {
            return PropertyNotFound();
        }

        // The owner sees how the channel imports stand without a second request; the channels grain holds that status.
        var response = PropertyResponse.From(property);
        if (property.Role == AccessLevel.Owner)
        {
            var calendars = await grains.GetGrain<IPropertyChannelsGrain>(id).GetCalendarsAsync(userId);
            response = response with { Calendars = [.. calendars.Select(ChannelCalendarResponse.From)] };
        }

        return TypedResults.Ok(response);
    }

    internal static async Task<Ok<PropertyResponse>> ReplacePropertyAsync(
        Guid id, PropertyRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(PropertyResponse.From(await grains.GetGrain<IPropertyGrain>(id).ReplaceAsync(userId, request.ToDetails())));
    }

    // The body is read here rather than bound, so that the OpenAPI document shows the declared patch schema and a
    // merge patch can tell an absent field from an explicit null.
    internal static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> PatchPropertyAsync(
        Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await MergePatchDocument.ReadAsync(request, json.Value.SerializerOptions, cancellationToken) is not { } document)
        {
            return KasifyProblems.Result(
                StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", "Send application/merge-patch+json or application/json.");
        }

        var command = PropertyPatchParser.Parse(document);
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(PropertyResponse.From(await grains.GetGrain<IPropertyGrain>(id).PatchAsync(userId, command)));
    }

    internal static async Task<NoContent> DeletePropertyAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyGrain>(id).DeleteAsync(userId);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult PropertyNotFound() =>
        KasifyProblems.Result(StatusCodes.Status404NotFound, "property.not_found", "No such property.");
}
