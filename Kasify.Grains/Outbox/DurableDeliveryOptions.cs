namespace Kasify.Grains.Outbox;

/// <summary>How soon outbox deliveries are retried, and how often the reminder that survives a crash fires.</summary>
public sealed class DurableDeliveryOptions
{
    /// <summary>The first retry's delay; each further failure doubles it up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The reminder's period (at least the reminder service's minimum).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
