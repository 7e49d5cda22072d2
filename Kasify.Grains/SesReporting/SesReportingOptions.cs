namespace Kasify.Grains.SesReporting;

/// <summary>
/// Timings of the booking SES grains (configuration section <c>Kasify:SesReporting</c>): how soon and how often they
/// resend after a transport failure and query a lot, and when an unsent communication raises a deadline warning.
/// </summary>
public sealed class SesReportingOptions
{
    /// <summary>Period of the durable reminder that keeps a booking's reporting going across restarts.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait before querying a fresh lot; doubles up to <see cref="PollMaxDelay"/>.</summary>
    public TimeSpan PollBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between two queries of one lot.</summary>
    public TimeSpan PollMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First wait before resending after a transport failure; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two sends of one communication.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long after its trigger an unsent communication raises a deadline warning (the law allows 24 hours).</summary>
    public TimeSpan DeadlineWarningAfter { get; set; } = TimeSpan.FromHours(20);

    /// <summary>Budget of one call to the Ministry from a booking's SES grain; longer than the SES client's own total timeout.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
