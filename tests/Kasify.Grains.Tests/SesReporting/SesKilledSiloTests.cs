using System.Globalization;
using Kasify.Fakes.Ses;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Tests.SmartLocks;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// The real silo program is killed (SIGKILL) while its booking report is on the wire; a new silo process on the same
/// database resends it from the stored communication, and the Ministry receives exactly one.
/// </summary>
public sealed class SesKilledSiloTests : IAsyncLifetime
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(4);

    private readonly TestFolder _folder = new();
    private readonly SesFakeServer _ses = new(new SesFakeOptions { ProcessingDelayMs = 300 });

    public Task InitializeAsync() => _ses.StartAsync();

    public async Task DisposeAsync()
    {
        await _ses.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ASiloKilledWhileItsSendIsOnTheWireLeavesExactlyOneCommunication()
    {
        var options = KasifyTestSilos.SqliteOptions(_folder.Path);
        Guid bookingId;
        SesHost host;
        DateTimeOffset onTheWire;
        await using (var silo = StartSilo(options))
        {
            await silo.WaitForOutputAsync("Kasify silo started", StartWait);
            var client = await KasifyTestSilos.StartClientAsync(options);
            try
            {
                host = await SesHost.CreateAsync(client.Services.GetRequiredService<IGrainFactory>(), _ses.State);
                var before = _ses.State.RequestCount;

                // The service sees a request only after the latency: a sender that dies before then never reached it.
                _ses.State.Options.LatencyMs = (int)Latency.TotalMilliseconds;
                bookingId = (await host.BookAsync()).Id;
                await Poll.UntilAsync(
                    () => _ses.State.RequestCount > before, TimeSpan.FromSeconds(20), "The report going on the wire", () => $"{_ses.State.RequestCount} requests");
                onTheWire = DateTimeOffset.UtcNow;
            }
            finally
            {
                await KasifyTestSilos.StopAsync(client);
            }
        }

        // Past the held request's latency: had it survived the kill, the service would hold it by now.
        await Task.Delay(onTheWire + Latency + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow);
        _ses.State.Options.LatencyMs = 0;
        Assert.Empty(host.Received(bookingId, "RH"));

        var restarted = KasifyTestSilos.SqliteOptions(_folder.Path);
        restarted.Storage = options.Storage;
        await using (var silo = StartSilo(restarted))
        {
            await silo.WaitForOutputAsync("Kasify silo started", StartWait);
            var client = await KasifyTestSilos.StartClientAsync(restarted);
            try
            {
                var grains = client.Services.GetRequiredService<IGrainFactory>();
                var again = host.On(grains);
                var accepted = await again.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Accepted, "The report being accepted by the new silo", TimeSpan.FromSeconds(40));
                var report = Assert.Single(accepted.Ses.Communications);
                Assert.True(report.Attempts >= 2, SesHost.Describe(accepted));
                Assert.Single(again.Received(bookingId, "RH"));
            }
            finally
            {
                await KasifyTestSilos.StopAsync(client);
            }

            Assert.Equal(0, await silo.StopAsync(StartWait));
        }
    }

    private KasifySiloProcess StartSilo(Silo.Hosting.KasifySiloOptions options) => KasifySiloProcess.Start(_folder.Path, new Dictionary<string, string>
    {
        ["Kasify__Storage__Mode"] = "Sqlite",
        ["Kasify__Storage__SqlitePath"] = options.Storage.SqlitePath,
        ["Kasify__Storage__CoverImagesPath"] = options.Storage.CoverImagesPath,
        ["Kasify__Cluster__ClusterId"] = options.Cluster.ClusterId,
        ["Kasify__Cluster__SiloPort"] = options.Cluster.SiloPort.ToString(CultureInfo.InvariantCulture),
        ["Kasify__Cluster__GatewayPort"] = options.Cluster.GatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Kasify__Reminders__MinimumPeriod"] = "00:00:01",
        ["Kasify__Ses__EndpointUrl"] = _ses.ServiceUrl!.ToString(),
        ["Kasify__SesReporting__ReminderPeriod"] = "00:00:01",
        ["Kasify__SesReporting__PollBaseDelay"] = "00:00:00.200",
        ["Kasify__SesReporting__PollMaxDelay"] = "00:00:01",
        ["Kasify__SesReporting__RetryBaseDelay"] = "00:00:00.300",
        ["Kasify__SesReporting__RetryMaxDelay"] = "00:00:01",

        // The restarted silo resends a send left on the wire once that send's timeout has passed (it outlasts the latency).
        ["Kasify__Ses__AttemptTimeout"] = "00:00:05",
        ["Kasify__Ses__TotalTimeout"] = "00:00:06",
        ["Kasify__SesReporting__CallTimeout"] = "00:00:08",
    });
}
