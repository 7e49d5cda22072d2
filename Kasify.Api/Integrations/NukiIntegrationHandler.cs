using System.Text.Json;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>Nuki Web API integrations: slug <c>nuki</c>, body <see cref="NukiIntegrationRequest"/>.</summary>
internal sealed class NukiIntegrationHandler : IIntegrationHandler
{
    public string Slug => "nuki";

    public IntegrationType Type => IntegrationType.Nuki;

    public Type RequestType => typeof(NukiIntegrationRequest);

    public IntegrationSettings ReadSettings(JsonElement body, JsonSerializerOptions options)
    {
        var request = JsonBody.Read<NukiIntegrationRequest>(body, options);
        var errors = new Dictionary<string, List<string>>();
        RequestValidationFilter.Collect(request, errors);
        RequestValidationFilter.ThrowIfAny(errors);
        return new IntegrationSettings(request.Name!.Trim(), request.Token!.Trim());
    }

    public IntegrationResponse ToResponse(IntegrationDto integration) => new NukiIntegrationResponse(
        integration.Id, integration.Name, integration.TokenHint, integration.SmartLockCount, integration.CreatedAt, integration.UpdatedAt);
}
