using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// How a lock grain talks to one vendor: read the device's status, make PINs, and bring codes at the vendor in line with
/// what the grain wants. One implementation per <see cref="IntegrationType"/> that has locks.
/// </summary>
internal interface ILockDriver
{
    IntegrationType Provider { get; }

    /// <summary>The most live codes the device holds, or null when the vendor sets no limit Kasify must keep.</summary>
    int? MaxCodes { get; }

    /// <summary>What the host is told when the vendor refuses a code for a reason Kasify has no better text for.</summary>
    string RejectedMessage { get; }

    /// <summary>How the names Kasify gives its codes at the vendor begin; a listed code named otherwise is someone else's.</summary>
    string CodeNamePrefix { get; }

    /// <summary>The unique name a new code carries at the vendor, within the vendor's limits on names.</summary>
    string NameFor(Guid codeId);

    /// <summary>The device's live status.</summary>
    /// <exception cref="Integrations.VendorCallException">The vendor refused the credentials or did not answer.</exception>
    Task<LockReading> ReadAsync(IntegrationCredentials credentials, string externalId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The codes the device holds (one list read at the vendor): Kasify's, and on this device someone else's. Kasify's
    /// codes of this lock are listed even where the vendor cannot tell which device a code opens.
    /// </summary>
    /// <exception cref="Integrations.VendorCallException">The vendor refused the credentials, limited the rate or did not answer.</exception>
    Task<IReadOnlyList<DeviceCode>> ListCodesAsync(IntegrationCredentials credentials, SmartLockState lockState, CancellationToken cancellationToken);

    /// <summary>Removes a code no Kasify code claims; one already gone counts as removed.</summary>
    /// <exception cref="Integrations.VendorCallException">The vendor refused or did not answer.</exception>
    Task DeleteCodeAsync(IntegrationCredentials credentials, string externalId, string vendorId, CancellationToken cancellationToken);

    /// <summary>A fresh PIN valid for the device, not in <paramref name="taken"/>.</summary>
    string GeneratePin(SmartLockState lockState, IReadOnlySet<string> taken);

    /// <summary>
    /// Works through <paramref name="work"/> (codes whose vendor state differs from the wanted one), recording each
    /// code's outcome on it. Never throws for vendor failures; a cancelled token leaves the remaining codes for later.
    /// With <paramref name="sweep"/>, also removes codes the vendor holds under Kasify's names that no code claims.
    /// </summary>
    Task ApplyAsync(LockCodeSession session, IReadOnlyList<LockCode> work, bool sweep, CancellationToken cancellationToken);
}
