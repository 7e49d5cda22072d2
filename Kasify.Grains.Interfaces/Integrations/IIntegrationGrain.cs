using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// One vendor connection of an account. Key: integration id. Only the account's owner sees or changes it; for anyone
/// else, and for a path naming another type, it does not exist (<c>integration.not_found</c>). The grain checks
/// credentials against the vendor on create and update (400 <c>integration.invalid_credentials</c>, 503
/// <c>integration.unreachable</c>), keeps the secret encrypted, and keeps which of its devices are assigned to which
/// smart lock, so a device is assigned to at most one property. It calls user and account grains only.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Integrations.IIntegrationGrain")]
public interface IIntegrationGrain : IGrainWithGuidKey
{
    /// <summary>Connects a new integration to the caller's account; 409 <c>integration.exists</c> when the account has one of this type.</summary>
    [Alias("CreateAsync")]
    Task<IntegrationDto> CreateAsync(Guid callerId, IntegrationType type, IntegrationSettings settings);

    /// <summary>The integration, or null when it does not exist, is not the caller's, or is not of <paramref name="type"/> (when given).</summary>
    [Alias("GetAsync")]
    Task<IntegrationDto?> GetAsync(Guid callerId, IntegrationType? type);

    /// <summary>Replaces name and credentials after checking the new credentials with the vendor.</summary>
    [Alias("UpdateAsync")]
    Task<IntegrationDto> UpdateAsync(Guid callerId, IntegrationType type, IntegrationSettings settings);

    /// <summary>Disconnects the integration; 409 <c>integration.in_use</c> while any of its devices is assigned.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(Guid callerId, IntegrationType type);

    /// <summary>The devices the vendor reports, with their assignments; the last known list when the vendor fails.</summary>
    [Alias("ListDevicesAsync")]
    Task<IntegrationDevices> ListDevicesAsync(Guid callerId, IntegrationType type);

    /// <summary>
    /// Reserves a device for a smart lock of a property of <paramref name="accountId"/> (the property grain has checked
    /// the caller). 404 <c>integration.not_found</c> for another account's integration, 404 <c>smartlock.device_not_found</c>
    /// when the vendor does not report the device, 409 <c>smartlock.assigned</c> when another smart lock holds it.
    /// Repeating the same reservation is a no-op.
    /// </summary>
    [Alias("AssignDeviceAsync")]
    Task<AssignedDevice> AssignDeviceAsync(Guid accountId, string externalId, Guid propertyId, Guid smartLockId);

    /// <summary>Frees a device held by <paramref name="smartLockId"/>; freeing a free device is a no-op.</summary>
    [Alias("ReleaseDeviceAsync")]
    Task ReleaseDeviceAsync(string externalId, Guid smartLockId);

    /// <summary>
    /// The decrypted credentials, for lock grains calling the vendor; null once the integration is deleted.
    /// Interleaves with vendor calls in progress, as it only reads state.
    /// </summary>
    [AlwaysInterleave, Alias("GetCredentialsAsync")]
    Task<IntegrationCredentials?> GetCredentialsAsync();
}
