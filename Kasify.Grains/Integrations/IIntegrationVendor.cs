using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

/// <summary>
/// What the integration grain needs from one vendor: check credentials, list the devices. One implementation per
/// <see cref="IntegrationType"/>, so a new vendor is a new class, not a change to the grain.
/// </summary>
internal interface IIntegrationVendor
{
    IntegrationType Type { get; }

    /// <summary>The wire name of the secret's field, for field errors (<c>token</c>, <c>api_token</c>).</summary>
    string TokenField { get; }

    /// <summary>Validates the settings' shape (field errors), without calling the vendor.</summary>
    /// <exception cref="Interfaces.Errors.RequestValidationException">A field is missing or malformed.</exception>
    void Validate(IntegrationSettings settings);

    /// <summary>Checks the credentials with the vendor; never throws for a refusal or an unreachable vendor.</summary>
    Task<CredentialCheck> VerifyAsync(IntegrationCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The devices the vendor reports (without assignments).</summary>
    /// <exception cref="VendorCallException">The vendor refused the credentials or could not be reached.</exception>
    Task<IReadOnlyList<IntegrationDevice>> ListDevicesAsync(IntegrationCredentials credentials, CancellationToken cancellationToken);
}
