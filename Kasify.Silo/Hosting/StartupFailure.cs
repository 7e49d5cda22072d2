using System.Net.Sockets;
using Kasify.Grains.Security;
using Kasify.Hosting.ClusterTls;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasify.Silo.Hosting;

/// <summary>
/// Turns the start-up failures an operator can fix (configuration, database, ports) into one readable line, so the
/// process exits cleanly instead of dumping a stack trace.
/// </summary>
internal static class StartupFailure
{
    /// <summary>Exit code for a failure with a known cause.</summary>
    public const int KnownCauseExitCode = 2;

    /// <summary>Exit code for anything else (logged in full).</summary>
    public const int UnexpectedExitCode = 1;

    /// <summary>A one-line description of a known cause, or null when the failure is unexpected.</summary>
    public static string? Describe(Exception exception, KasifySiloOptions? options)
    {
        var causes = Flatten(exception).ToList();
        if (causes.OfType<KasifyConfigurationException>().FirstOrDefault() is { } configuration)
        {
            return $"Invalid configuration: {configuration.Message}";
        }

        if (causes.OfType<ClusterTlsConfigurationException>().FirstOrDefault() is { } tls)
        {
            return $"Invalid cluster TLS configuration: {tls.Message}";
        }

        if (causes.OfType<EncryptionConfigurationException>().FirstOrDefault() is { } encryption)
        {
            return $"Invalid encryption configuration: {encryption.Message}";
        }

        if (causes.OfType<PostgresException>().FirstOrDefault() is { } postgres)
        {
            return $"PostgreSQL at {Database(options)} refused the silo: {postgres.MessageText} ({postgres.SqlState}).";
        }

        if (causes.OfType<NpgsqlException>().FirstOrDefault() is { } npgsql)
        {
            var reason = causes.OfType<SocketException>().FirstOrDefault()?.Message ?? npgsql.Message;
            return $"Cannot reach PostgreSQL at {Database(options)}: {reason}.";
        }

        if (causes.OfType<SqliteException>().FirstOrDefault() is { } sqlite)
        {
            return $"Cannot use the SQLite file {Database(options)}: {sqlite.Message}";
        }

        if (causes.OfType<SocketException>().FirstOrDefault(s => s.SocketErrorCode == SocketError.AddressAlreadyInUse) is not null)
        {
            return $"Silo port {options?.Cluster.SiloPort} or gateway port {options?.Cluster.GatewayPort} is already in use "
                + "(set Kasify__Cluster__SiloPort / Kasify__Cluster__GatewayPort).";
        }

        if (causes.FirstOrDefault(c => c is UnauthorizedAccessException or IOException) is { } file)
        {
            return $"Cannot create or open the silo's files: {file.Message}";
        }

        if (causes.OfType<ArgumentException>().FirstOrDefault(a => a.Message.StartsWith("Not all required queries found", StringComparison.Ordinal)) is { } queries)
        {
            return $"The database at {Database(options)} has an incomplete Orleans schema: {queries.Message}";
        }

        return null;
    }

    /// <summary>The database the options point at, safe to print.</summary>
    public static string Database(KasifySiloOptions? options) => options switch
    {
        null => "(not configured)",
        { Storage.Mode: KasifyStorageMode.Postgres } => KasifySilo.RedactConnectionString(options.Storage.ConnectionString ?? ""),
        _ => KasifySilo.ResolvePath(options.Storage.SqlitePath),
    };

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : [.. Single(exception.InnerException)];
        foreach (var cause in inner.SelectMany(Flatten))
        {
            yield return cause;
        }
    }

    private static IEnumerable<Exception> Single(Exception? exception) => exception is null ? [] : [exception];
}
