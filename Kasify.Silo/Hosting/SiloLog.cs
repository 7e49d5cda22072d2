using Kasify.Hosting.ClusterTls;
using Microsoft.Extensions.Logging;

namespace Kasify.Silo.Hosting;

/// <summary>The silo host's own log lines.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Kasify silo starting: storage mode {Mode}, database {Database}")]
    public static partial void Starting(ILogger logger, KasifyStorageMode mode, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Kasify silo endpoints: silo port {SiloPort}, gateway port {GatewayPort}, cluster {ClusterId}, service {ServiceId}, transport {Transport}")]
    public static partial void Endpoints(
        ILogger logger, int siloPort, int gatewayPort, string clusterId, string serviceId, ClusterTransportSecurity transport);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Kasify silo started ({Mode}); gateway port {GatewayPort}")]
    public static partial void Started(ILogger logger, KasifyStorageMode mode, int gatewayPort);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "Kasify silo failed to start")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Created the Orleans and Kasify tables in PostgreSQL database {Database}")]
    public static partial void CreatedPostgresSchema(ILogger logger, string database);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Created the Orleans tables in SQLite file {Path}")]
    public static partial void CreatedSqliteSchema(ILogger logger, string path);
}
