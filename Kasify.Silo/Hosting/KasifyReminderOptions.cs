namespace Kasify.Silo.Hosting;

/// <summary>Reminder service timings (configuration section <c>Kasify:Reminders</c>).</summary>
public sealed class KasifyReminderOptions
{
    /// <summary>Shortest period a grain may register; Orleans' default of one minute unless lowered (tests, demos).</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a silo reloads its reminder range from storage; Orleans' default when unset.</summary>
    public TimeSpan? RefreshListPeriod { get; set; }
}
