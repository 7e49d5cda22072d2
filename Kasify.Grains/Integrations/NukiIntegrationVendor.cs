using System.Globalization;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

/// <summary>Nuki: an API token; the devices are the account's smart locks.</summary>
internal sealed class NukiIntegrationVendor(INukiClient nuki) : IIntegrationVendor
{
    public IntegrationType Type => IntegrationType.Nuki;

    public string TokenField => "token";

    public void Validate(IntegrationSettings settings)
    {
        IntegrationRules.ValidateCommon(settings, TokenField);
        if (settings.Url is not null || settings.CertificateSha256 is not null)
        {
            throw new RequestValidationException("validation.failed", "url", "A Nuki integration has no URL or certificate.");
        }
    }

    public async Task<CredentialCheck> VerifyAsync(IntegrationCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            return await nuki.VerifyCredentialsAsync(credentials.Token, cancellationToken) ? CredentialCheck.Valid : CredentialCheck.InvalidCredentials;
        }
        catch (NukiException)
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
            var locks = await nuki.ListSmartlocksAsync(credentials.Token, cancellationToken);
            return [.. locks.Select(smartlock => new IntegrationDevice(
                smartlock.SmartlockId.ToString(CultureInfo.InvariantCulture),
                smartlock.Name,
                smartlock.LockState,
                smartlock.BatteryCharge,
                smartlock.BatteryCritical,
                smartlock.Offline,
                FloorId: null,
                FloorName: null,
                Assignment: null))];
        }
        catch (NukiException exception)
        {
            throw new VendorCallException(exception.Kind is NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden, exception.Message, exception);
        }
    }
}
