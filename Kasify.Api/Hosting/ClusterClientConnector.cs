namespace Kasify.Api.Hosting;

/// <summary>
/// Starts the Orleans client in the background. Orleans registers its client as a hosted service whose start
/// blocks until a silo answers; run from here instead, Kestrel listens at once and requests answer 503 meanwhile.
/// </summary>
internal sealed partial class ClusterClientConnector(
    IHostedService client,
    ClusterConnection connection,
    ILogger<ClusterClientConnector> logger) : BackgroundService
{
    private volatile bool _clientStarted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await client.StartAsync(stoppingToken);
            _clientStarted = true;
            connection.MarkConnected();
            LogConnected(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stopped before any silo answered; Orleans has already undone the cancelled start.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        connection.MarkDisconnected();
        if (_clientStarted)
        {
            try
            {
                await client.StopAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogStopFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the Orleans cluster.")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Orleans client did not stop cleanly.")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);
}
