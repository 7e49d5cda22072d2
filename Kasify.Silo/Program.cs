using Kasify.Hosting.Telemetry;
using Kasify.Silo.Hosting;
using Kasify.Silo.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// appsettings.json ships next to the binary; data paths in it are relative to the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

KasifySiloOptions? options = null;
IHost? host = null;
ILogger? logger = null;
try
{
    options = KasifySiloOptions.FromConfiguration(builder.Configuration);
    if (KasifyTelemetryExtensions.IsEnabled(builder.Configuration))
    {
        builder.AddKasifyTelemetry(KasifySilo.TelemetryServiceName);
    }

    builder.UseOrleans(silo => KasifySilo.Configure(silo, options));
    host = builder.Build();
    logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kasify.Silo");
    SiloLog.Starting(logger, options.Storage.Mode, StartupFailure.Database(options));
    SiloLog.Endpoints(
        logger, options.Cluster.SiloPort, options.Cluster.GatewayPort, options.Cluster.ClusterId, KasifySilo.ServiceId, options.TransportSecurity);

    // Check ports and reach the database before Orleans starts, so a taken port or an unreachable database fails
    // with one line rather than with errors from deep inside the silo lifecycle.
    PortCheck.ThrowIfInUse(options);
    // The silo's own schema step (KasifyDatabaseLifecycle, for hosts without this line) then skips: one run per start.
    await KasifyDatabaseLifecycle.EnsureSchemaBeforeStartAsync(options, logger);
    await host.StartAsync();
}
catch (Exception exception) when (StartupFailure.Describe(exception, options) is { } reason)
{
    await Console.Error.WriteLineAsync($"kasify-silo: {reason}");
    host?.Dispose();
    return StartupFailure.KnownCauseExitCode;
}
catch (Exception exception) when (logger is not null)
{
    SiloLog.Failed(logger, exception);
    host?.Dispose();
    return StartupFailure.UnexpectedExitCode;
}

using (host)
{
    SiloLog.Started(logger, options.Storage.Mode, options.Cluster.GatewayPort);
    await host.WaitForShutdownAsync();
}

return 0;
