using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Kasify.Api.Integrations;

/// <summary>
/// The vendor connections of the caller's account. The <c>{integration}</c> segment picks an
/// <see cref="IIntegrationHandler"/>, which reads the vendor's body and shapes its item; the integration grain checks
/// the caller (account owner) and the credentials.
/// </summary>
internal static class IntegrationsApi
{
    private const string SlugDescription = "The integration type: nuki, unifi or ses_hospedajes (case-insensitive).";
    private const string OwnerNote = " Only the account's owner sees its integrations; any other id, or an id of another type, is 404 integration.not_found.";
    private static readonly string DeviceLimitNote = string.Create(
        CultureInfo.InvariantCulture,
        $" At most {IntegrationDevices.MaxCount} devices are kept per integration: of a vendor reporting more, the first ones are listed and truncated is true.");

    public static void MapIntegrationsApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/integrations").WithTags("Integrations");
        group.MapGet("", ListIntegrationsAsync)
            .WithName("ListIntegrations")
            .WithSummary("List all integrations configured for the account")
            .WithDescription("Every integration of the caller's account, oldest first, each with its type. Secrets are never returned, only a masked token_hint.");
        group.MapGet("/nuki/{id:guid}/smartlocks", ListNukiSmartlocksAsync)
            .WithName("ListNukiSmartlocks")
            .WithSummary("List Nuki smart locks reachable through an integration")
            .WithDescription(
                "The locks Nuki reports for the integration's token, with their assignment to properties. When Nuki fails, nuki_status says why "
                + "and the list is the last one Nuki gave (marked offline)." + DeviceLimitNote + OwnerNote)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/unifi/{id:guid}/smartlocks", ListUnifiDoorsAsync)
            .WithName("ListUnifiDoors")
            .WithSummary("List Unifi doors reachable through an integration")
            .WithDescription(
                "The doors the UniFi Access console reports, with their assignment to properties. When the console fails, unifi_status says "
                + "why and the list is the last one it gave." + DeviceLimitNote + OwnerNote)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{integration}", ListIntegrationsOfTypeAsync)
            .WithName("ListIntegrationsOfType")
            .WithSummary("List integrations of a specific type")
            .WithDescription("The account's integrations of one type (at most one per type). An unknown type is 404 integration.unknown_type.")
            .AddOpenApiOperationTransformer(DescribeSlug)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{integration}", CreateIntegrationAsync)
            .WithName("CreateIntegration")
            .WithSummary("Create an integration of a specific type")
            .WithDescription(
                "Connects a vendor to the caller's account (one per type: 409 integration.exists, answered before any vendor is called). "
                + "The credentials are checked with the vendor first: 400 integration.invalid_credentials when refused, 503 "
                + "integration.unreachable when the vendor does not answer. A unifi url is called only at public addresses (loopback, "
                + "link-local, cloud metadata and, unless the silo allows them, private addresses are refused), and until the console's "
                + "certificate has matched every failure (unknown host, refused address, closed port, timeout, certificate) is the same "
                + "503 integration.unreachable. "
                + "Body by type: nuki { name, token }; unifi { name, url (https, port 12445 when none is given), api_token, certificate_sha256 "
                + "(optional, pins the console's self-signed certificate) }; ses_hospedajes { name (optional), arrendador_code (at most 10), "
                + "username, password, environment (test or production), application_name (optional, at most 50, default Kasify) }, "
                + "checked with a catalogo call to the Ministry.")
            .AddOpenApiOperationTransformer(DescribeSlug)
            .AddOpenApiOperationTransformer(DescribeBody)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPut("/{integration}/{id:guid}", UpdateIntegrationAsync)
            .WithName("UpdateIntegration")
            .WithSummary("Update an integration")
            .WithDescription(
                "Replaces the name and credentials (the body of create), after checking the new credentials with the vendor "
                + "(400 integration.invalid_credentials, 503 integration.unreachable, under the same rules as create)." + OwnerNote)
            .AddOpenApiOperationTransformer(DescribeSlug)
            .AddOpenApiOperationTransformer(DescribeBody)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{integration}/{id:guid}", DeleteIntegrationAsync)
            .WithName("DeleteIntegration")
            .WithSummary("Delete an integration")
            .WithDescription("Disconnects the vendor and forgets its secret; 409 integration.in_use while any of its devices is assigned to a property." + OwnerNote)
            .AddOpenApiOperationTransformer(DescribeSlug)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<IntegrationsResponse>> ListIntegrationsAsync(ClaimsPrincipal principal, IGrainFactory grains, IntegrationHandlers handlers)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(new IntegrationsResponse(await ListAsync(userId, type: null, grains, handlers)));
    }

    internal static async Task<Ok<IntegrationsResponse>> ListIntegrationsOfTypeAsync(
        string integration, ClaimsPrincipal principal, IGrainFactory grains, IntegrationHandlers handlers)
    {
        var handler = Handler(handlers, integration);
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(new IntegrationsResponse(await ListAsync(userId, handler.Type, grains, handlers)));
    }

    // The body is read as a document and then by the type's handler, since its shape depends on the path.
    internal static async Task<Created<IntegrationResponse>> CreateIntegrationAsync(
        string integration,
        HttpRequest request,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        IntegrationHandlers handlers,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var handler = Handler(handlers, integration);
        var settings = handler.ReadSettings(await JsonBody.ReadDocumentAsync(request, cancellationToken), json.Value.SerializerOptions);
        var userId = await principal.GetUserIdAsync(grains);
        var created = await grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(userId, handler.Type, settings);
        return TypedResults.Created($"/v1/integrations/{handler.Slug}/{created.Id}", handler.ToResponse(created));
    }

    internal static async Task<Ok<IntegrationResponse>> UpdateIntegrationAsync(
        string integration,
        Guid id,
        HttpRequest request,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        IntegrationHandlers handlers,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var handler = Handler(handlers, integration);
        var settings = handler.ReadSettings(await JsonBody.ReadDocumentAsync(request, cancellationToken), json.Value.SerializerOptions);
        var userId = await principal.GetUserIdAsync(grains);
        var updated = await grains.GetGrain<IIntegrationGrain>(id).UpdateAsync(userId, handler.Type, settings);
        return TypedResults.Ok(handler.ToResponse(updated));
    }

    internal static async Task<NoContent> DeleteIntegrationAsync(string integration, Guid id, ClaimsPrincipal principal, IGrainFactory grains, IntegrationHandlers handlers)
    {
        var handler = Handler(handlers, integration);
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IIntegrationGrain>(id).DeleteAsync(userId, handler.Type);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<NukiSmartlocksResponse>> ListNukiSmartlocksAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var devices = await grains.GetGrain<IIntegrationGrain>(id).ListDevicesAsync(userId, IntegrationType.Nuki);
        var properties = await AssignedPropertyNamesAsync(devices.Devices, userId, grains);
        var smartlocks = new List<NukiSmartlockResponse>();
        foreach (var device in devices.Devices)
        {
            // Nuki ids are numbers; a device whose id is not one cannot be addressed by smartlock_id, so it is not listed.
            if (long.TryParse(device.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var smartlockId))
            {
                smartlocks.Add(new NukiSmartlockResponse(
                    smartlockId,
                    device.Name,
                    device.LockState,
                    device.BatteryCharge,
                    device.BatteryCritical,
                    device.Offline,
                    Assigned(device.Assignment, properties)));
            }
        }

        return TypedResults.Ok(new NukiSmartlocksResponse(devices.Status, smartlocks, devices.Truncated));
    }

    internal static async Task<Ok<UnifilocksResponse>> ListUnifiDoorsAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var devices = await grains.GetGrain<IIntegrationGrain>(id).ListDevicesAsync(userId, IntegrationType.Unifi);
        var properties = await AssignedPropertyNamesAsync(devices.Devices, userId, grains);
        var doors = devices.Devices
            .Select(device => new UnifiDoorResponse(device.FloorId, device.ExternalId, device.Name, Assigned(device.Assignment, properties)))
            .ToList();
        return TypedResults.Ok(new UnifilocksResponse(devices.Status, doors, devices.Truncated));
    }

    private static async Task<List<IntegrationResponse>> ListAsync(Guid userId, IntegrationType? type, IGrainFactory grains, IntegrationHandlers handlers)
    {
        var user = await grains.GetGrain<IUserGrain>(userId).GetAsync()
            ?? throw new NotFoundException("user.not_found", "The caller's user does not exist.");
        var entries = await grains.GetGrain<IAccountGrain>(user.AccountId).GetIntegrationsAsync();
        var integrations = await Task.WhenAll(entries
            .Where(entry => type is null || entry.Type == type)
            .Select(entry => grains.GetGrain<IIntegrationGrain>(entry.Id).GetAsync(userId, type)));

        // Null: gone since the list was read, or not the caller's to see. A type without a handler cannot be shown.
        return [.. integrations
            .OfType<IntegrationDto>()
            .Select(integration => handlers.Find(integration.Type)?.ToResponse(integration))
            .OfType<IntegrationResponse>()];
    }

    private static IIntegrationHandler Handler(IntegrationHandlers handlers, string slug) =>
        handlers.Find(slug) ?? throw new NotFoundException(
            "integration.unknown_type", $"Unknown integration type; use one of: {string.Join(", ", handlers.All.Select(handler => handler.Slug))}.");

    // The property grains say what the caller may see: a property the caller has no role on keeps its id, not its name.
    private static async Task<Dictionary<Guid, string?>> AssignedPropertyNamesAsync(
        ImmutableArray<IntegrationDevice> devices, Guid userId, IGrainFactory grains)
    {
        var propertyIds = devices.Select(device => device.Assignment?.PropertyId).OfType<Guid>().Distinct().ToList();
        var properties = await Task.WhenAll(propertyIds.Select(propertyId => grains.GetGrain<IPropertyGrain>(propertyId).GetAsync(userId)));
        return propertyIds.Zip(properties).ToDictionary(pair => pair.First, pair => pair.Second?.Name);
    }

    private static AssignedPropertyResponse? Assigned(DeviceAssignment? assignment, Dictionary<Guid, string?> names) =>
        assignment is null ? null : new AssignedPropertyResponse(assignment.PropertyId, names.GetValueOrDefault(assignment.PropertyId), assignment.SmartLockId);

    private static Task DescribeSlug(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handlers = context.ApplicationServices.GetRequiredService<IntegrationHandlers>();
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name == "integration" && parameter is OpenApiParameter described)
            {
                described.Description = SlugDescription;
                if (described.Schema is OpenApiSchema schema)
                {
                    schema.Enum = [.. handlers.All.Select(handler => (System.Text.Json.Nodes.JsonNode)handler.Slug)];
                }
            }
        }

        return Task.CompletedTask;
    }

    // The body is read as a JSON document; the document shows one schema per registered handler instead.
    private static async Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handlers = context.ApplicationServices.GetRequiredService<IntegrationHandlers>();
        var document = context.Document ?? throw new InvalidOperationException("The operation is transformed outside a document.");
        var bodies = new List<IOpenApiSchema>();
        foreach (var handler in handlers.All)
        {
            var name = handler.RequestType.Name;
            if (document.Components?.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(handler.RequestType, cancellationToken: cancellationToken));
            }

            bodies.Add(new OpenApiSchemaReference(name, document));
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The body of the path's integration type.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = bodies } } },
        };
    }
}
