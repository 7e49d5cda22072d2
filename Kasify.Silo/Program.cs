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

KasifySiloOptions options;
try
{
    options = KasifySiloOptions.FromConfiguration(builder.Configuration);
}
catch (KasifyConfigurationException exception)
{
    await Console.Error.WriteLineAsync($"kasify-silo: {StartupFailure.Describe(exception, null)}");
    return StartupFailure.KnownCauseExitCode;
}

builder.UseOrleans(silo => KasifySilo.Configure(silo, options));
using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kasify.Silo");
SiloLog.Starting(logger, options.Storage.Mode, StartupFailure.Database(options));
SiloLog.Endpoints(logger, options.Cluster.SiloPort, options.Cluster.GatewayPort, options.Cluster.ClusterId, KasifySilo.ServiceId);

try
{
    // Reach the database before Orleans starts, so an unreachable or misconfigured one fails with one line
    // rather than with provider errors from deep inside the silo lifecycle.
    await SchemaBootstrapper.EnsureSchemaAsync(options, logger);
    await host.StartAsync();
}
catch (Exception exception) when (StartupFailure.Describe(exception, options) is { } reason)
{
    await Console.Error.WriteLineAsync($"kasify-silo: {reason}");
    return StartupFailure.KnownCauseExitCode;
}
catch (Exception exception)
{
    SiloLog.Failed(logger, exception);
    return StartupFailure.UnexpectedExitCode;
}

SiloLog.Started(logger, options.Storage.Mode, options.Cluster.GatewayPort);
await host.WaitForShutdownAsync();
return 0;
