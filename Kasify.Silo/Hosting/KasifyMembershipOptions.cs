namespace Kasify.Silo.Hosting;

/// <summary>
/// Failure-detection timings (configuration section <c>Kasify:Membership</c>). Each unset value keeps Orleans' default;
/// tests shorten them so a killed silo is declared dead within seconds.
/// </summary>
public sealed class KasifyMembershipOptions
{
    /// <summary>How long a silo waits for a probe answer.</summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <summary>Missed probes after which a silo suspects another.</summary>
    public int? NumMissedProbesLimit { get; set; }

    /// <summary>Suspicions needed to declare a silo dead.</summary>
    public int? NumVotesForDeathDeclaration { get; set; }

    /// <summary>How often a silo writes its I-am-alive time to the membership table.</summary>
    public TimeSpan? IAmAliveTablePublishTimeout { get; set; }

    /// <summary>How often a silo re-reads the membership table.</summary>
    public TimeSpan? TableRefreshTimeout { get; set; }

    /// <summary>How long a suspicion vote counts.</summary>
    public TimeSpan? DeathVoteExpirationTimeout { get; set; }
}
