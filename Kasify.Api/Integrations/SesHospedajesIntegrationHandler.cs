using System.Text.Json;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>SES.HOSPEDAJES integrations: slug <c>ses_hospedajes</c>, body <see cref="SesHospedajesIntegrationRequest"/>.</summary>
internal sealed class SesHospedajesIntegrationHandler : IIntegrationHandler
{
    /// <summary>The name of an integration whose body gives none.</summary>
    public const string DefaultName = "SES Hospedajes";

    /// <summary>The <c>aplicacion</c> header of an integration whose body gives none.</summary>
    public const string DefaultApplicationName = "Kasify";

    private const string EnvironmentField = "environment";

    public string Slug => "ses_hospedajes";

    public IntegrationType Type => IntegrationType.SesHospedajes;

    public Type RequestType => typeof(SesHospedajesIntegrationRequest);

    public IntegrationSettings ReadSettings(JsonElement body, JsonSerializerOptions options)
    {
        var request = JsonBody.Read<SesHospedajesIntegrationRequest>(body, options);
        var errors = new Dictionary<string, List<string>>();
        RequestValidationFilter.Collect(request, errors);
        var environment = errors.ContainsKey(EnvironmentField) ? null : ParseEnvironment(request.Environment!);
        if (environment is null)
        {
            errors.TryAdd(EnvironmentField, ["test or production."]);
        }

        RequestValidationFilter.ThrowIfAny(errors);
        var ses = new SesIntegrationSettings(
            request.ArrendadorCode!.Trim(),
            request.Username!.Trim(),
            environment!.Value,
            string.IsNullOrWhiteSpace(request.ApplicationName) ? DefaultApplicationName : request.ApplicationName.Trim());

        // The password is sent as given: leading or trailing spaces may be part of it.
        return new IntegrationSettings(string.IsNullOrWhiteSpace(request.Name) ? DefaultName : request.Name.Trim(), request.Password!, Ses: ses);
    }

    public IntegrationResponse ToResponse(IntegrationDto integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var ses = integration.Ses;
        return new SesHospedajesIntegrationResponse(
            integration.Id,
            integration.Name,
            integration.TokenHint,
            ses?.ArrendadorCode ?? "",
            ses?.Username ?? "",
            ses?.Environment ?? SesEnvironment.Test,
            ses?.ApplicationName ?? DefaultApplicationName,
            integration.SmartLockCount,
            integration.CreatedAt,
            integration.UpdatedAt);
    }

    // Enum.TryParse would also take "1" or "Test, Production"; only the two names, in any case, are accepted.
    private static SesEnvironment? ParseEnvironment(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TEST" => SesEnvironment.Test,
        "PRODUCTION" => SesEnvironment.Production,
        _ => null,
    };
}
