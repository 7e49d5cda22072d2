using Kasify.Grains.Integrations.UniFi;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

/// <summary>UniFi Access: a console URL, an API token and a pinned certificate; the devices are the console's doors.</summary>
internal sealed class UniFiIntegrationVendor(IUniFiAccessClient unifi) : IIntegrationVendor
{
    public IntegrationType Type => IntegrationType.Unifi;

    public string TokenField => "api_token";

    public void Validate(IntegrationSettings settings)
    {
        IntegrationRules.ValidateCommon(settings, TokenField);
        IntegrationRules.ValidateConsoleUrl(settings.Url);
        IntegrationRules.ValidateFingerprint(settings.CertificateSha256);
    }

    public async Task<CredentialCheck> VerifyAsync(IntegrationCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            return await unifi.VerifyCredentialsAsync(Connection(credentials), cancellationToken) switch
            {
                UniFiCredentialCheck.Valid => CredentialCheck.Valid,
                UniFiCredentialCheck.InvalidCredentials => CredentialCheck.InvalidCredentials,

                // Until the pin has matched, whatever answered is not the console: one outcome for every failure, so a
                // console URL cannot tell a DNS failure, a refused address, a closed port and a foreign TLS server apart.
                _ => CredentialCheck.Unreachable,
            };
        }
        catch (UniFiAccessException)
        {
            return CredentialCheck.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CredentialCheck.Unreachable;
        }
    }

    public async Task<IReadOnlyList<IntegrationDevice>> ListDevicesAsync(IntegrationCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            var doors = await unifi.ListDoorsAsync(Connection(credentials), cancellationToken);
            return [.. doors.Select(door => new IntegrationDevice(
                door.DoorId,
                door.Name,
                LockState: null,
                BatteryCharge: null,
                BatteryCritical: null,
                Offline: !door.IsBindHub,
                door.FloorId,
                door.FloorName,
                Assignment: null))];
        }
        catch (UniFiAccessException exception)
        {
            throw new VendorCallException(
                exception.Error is UniFiAccessError.InvalidCredentials or UniFiAccessError.PermissionDenied,
                exception.Message,
                exception);
        }
    }

    /// <summary>The client's connection for stored credentials.</summary>
    public static UniFiAccessConnection Connection(IntegrationCredentials credentials) =>
        new(credentials.Url ?? throw new InvalidOperationException("A UniFi integration has a console URL."), credentials.Token, credentials.CertificateSha256);
}
