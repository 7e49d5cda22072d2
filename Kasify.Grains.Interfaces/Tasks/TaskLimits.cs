namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Sizes and durations of tasks.</summary>
public static class TaskLimits
{
    /// <summary>Longest notes or job report, in characters.</summary>
    public const int TextLength = 4000;

    /// <summary>How long an automatic cleaning task lasts after checkout, unless the next guests arrive sooner.</summary>
    public static readonly TimeSpan CleaningWindow = TimeSpan.FromHours(3);
}
