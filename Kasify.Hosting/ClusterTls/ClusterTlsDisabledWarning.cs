using Microsoft.Extensions.Logging;

namespace Kasify.Hosting.ClusterTls;

/// <summary>Logs <see cref="ClusterTlsRules.DisabledWarning"/> when a cluster-mode silo or client starts without TLS.</summary>
/// <remarks>
/// It logs when the silo or client is built, at host start: a client's lifecycle only starts once a gateway answers, and
/// the warning must not wait for that.
/// </remarks>
internal sealed partial class ClusterTlsDisabledWarning(ILogger<ClusterTlsDisabledWarning> logger)
    : ILifecycleParticipant<ISiloLifecycle>, ILifecycleParticipant<IClusterClientLifecycle>
{
    public void Participate(ISiloLifecycle observer) => LogDisabled(logger, ClusterTlsRules.DisabledWarning);

    public void Participate(IClusterClientLifecycle observer) => LogDisabled(logger, ClusterTlsRules.DisabledWarning);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogDisabled(ILogger logger, string warning);
}
