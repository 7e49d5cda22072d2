namespace Kasify.Grains.Tests.SesReporting;

/// <summary>A <see cref="SesCluster"/> whose deadline warning comes two seconds after a trigger instead of 20 hours.</summary>
public sealed class DeadlineSesCluster : SesCluster
{
    public DeadlineSesCluster()
        : base(Shortened())
    {
    }

    private static Grains.SesReporting.SesReportingOptions Shortened()
    {
        var timings = ShortTimings();
        timings.DeadlineWarningAfter = TimeSpan.FromSeconds(2);
        return timings;
    }
}
