using System.Text.Json;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>
/// What the integration endpoints need to know about one vendor: its path slug, its body and its response item. The
/// endpoints look handlers up by slug, so connecting a new vendor is a new handler registered in
/// <see cref="IntegrationHandlerExtensions.AddIntegrationHandlers"/>, not a new endpoint.
/// </summary>
internal interface IIntegrationHandler
{
    /// <summary>The path segment naming the type (lower case; matched case-insensitively), e.g. <c>nuki</c>.</summary>
    string Slug { get; }

    /// <summary>The integration type the grains know it by.</summary>
    IntegrationType Type { get; }

    /// <summary>The body of create and update, for the OpenAPI document.</summary>
    Type RequestType { get; }

    /// <summary>Reads and checks a create or update body; every broken field is a 400 field error.</summary>
    IntegrationSettings ReadSettings(JsonElement body, JsonSerializerOptions options);

    /// <summary>The list item for an integration of this type (secrets are never in it, only the masked hint).</summary>
    IntegrationResponse ToResponse(IntegrationDto integration);
}
