namespace Kasify.Grains.SmartLocks;

/// <summary>
/// Timings of the smart lock grains (configuration section <c>Kasify:Locks</c>). Reminder periods below Orleans'
/// minimum reminder period (<c>Kasify:Reminders:MinimumPeriod</c>) are raised to it.
/// </summary>
public sealed class SmartLockOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kasify:Locks";

    /// <summary>How often the <c>refresh-status</c> reminder reads a lock's live status.</summary>
    public TimeSpan StatusRefreshPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a vendor call made while a host waits (assigning, creating or revoking a code) may take; after that the
    /// work stays pending and the <c>retry-codes</c> reminder carries on.
    /// </summary>
    public TimeSpan InlineVendorTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long checking an integration's credentials or listing its devices may take while the host waits.</summary>
    public TimeSpan VendorCheckTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the immediate refresh of a stale status may take before the stale status is served.</summary>
    public TimeSpan StaleRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry delay after a vendor failure; later ones double up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between retries of a failing vendor write.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after an asynchronous Nuki write the lock reads the device back to confirm it.</summary>
    public TimeSpan ReadBackDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a Nuki code create may take to show up in the lock's list before it is sent again (Nuki applies writes
    /// asynchronously and an offline lock holds them back).
    /// </summary>
    public TimeSpan CreateConfirmGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long before a stay's arrival its codes are placed on a property with <c>auto_access_codes</c> on. Two days by
    /// default: early enough to send the guest their code and to fix a lock that refuses it, late enough that a code is
    /// rarely placed for a stay that then moves.
    /// </summary>
    public TimeSpan AutoCodeLeadTime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often automatic codes a lock refused (vendor down, lock full) are tried again.</summary>
    public TimeSpan AutoCodeRetryPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
