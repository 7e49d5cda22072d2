using Kasify.Fakes.Ses;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// Cluster mode: three silos on PostgreSQL (two survivors can vote the dead one out quickly). The silo holding a booking's pending report dies; the survivor takes over its
/// reminder and sends the report, which reaches the Ministry once.
/// </summary>
public sealed class SesClusterFailoverTests : IAsyncLifetime
{
    // Measured 15 to 80 s: membership declares the silo dead within seconds, but the dead activations' directory entries
    // can outlive it by Orleans' one-minute lazy deregistration.
    private static readonly TimeSpan FailoverWait = TimeSpan.FromSeconds(120);

    private readonly SesFakeServer _ses = new(new SesFakeOptions { ProcessingDelayMs = 300 });

    public Task InitializeAsync() => _ses.StartAsync();

    public async Task DisposeAsync() => await _ses.DisposeAsync();

    [Fact]
    public async Task APendingReportSurvivesTheDeathOfItsSilo()
    {
        var server = await PostgresServer.GetSharedAsync();
        var options = KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
        options.Ses = new SesOptions { EndpointUrl = _ses.ServiceUrl, AttemptTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(4) };
        options.SesReporting = SesCluster.ShortTimings();
        options.Reminders.RefreshListPeriod = TimeSpan.FromSeconds(5);

        // Calls to grains that lived on the dead silo time out before its death is known; keep that short here.
        static void ShortCalls(ISiloBuilder silo) => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        var silos = (await Task.WhenAll(
            KasifyTestSilos.StartSiloAsync(options, ShortCalls),
            KasifyTestSilos.StartSiloAsync(KasifyTestSilos.WithNewPorts(options), ShortCalls),
            KasifyTestSilos.StartSiloAsync(KasifyTestSilos.WithNewPorts(options), ShortCalls))).ToList();
        var client = await KasifyTestSilos.StartClientAsync(
            options, c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        try
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var host = await SesHost.CreateAsync(grains, _ses.State);
            _ses.State.Options.RejectCredentials = true;
            Guid bookingId;
            SiloAddress victimAddress;
            try
            {
                bookingId = (await host.BookAsync()).Id;
                await host.WaitForAsync(bookingId, ses => ses.Communications.Any(c => c.Attempts >= 1), "A first refused attempt");

                victimAddress = await HolderAsync(grains, bookingId) ?? throw new InvalidOperationException("The reporting grain is not active anywhere.");
                var victim = silos.Single(silo => AddressOf(silo).Equals(victimAddress));
                silos.Remove(victim);
                await KasifyTestSilos.KillAsync(victim);
            }
            finally
            {
                _ses.State.Options.RejectCredentials = false;
            }

            var accepted = await Storage.Eventually.UntilAsync(
                () => host.GetAsync(bookingId), booking => booking.Ses.Status == SesStatus.Accepted, FailoverWait, "The report being accepted by the surviving silo");
            Assert.Single(accepted.Ses.Communications);
            Assert.Single(host.Received(bookingId, "RH"));
            Assert.Contains(await HolderAsync(grains, bookingId), silos.Select(AddressOf));
        }
        finally
        {
            await KasifyTestSilos.StopAsync(client);
            await Task.WhenAll(silos.Select(KasifyTestSilos.StopAsync));
        }
    }

    private static SiloAddress AddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    // The silo where the booking's reporting grain is active.
    private static async Task<SiloAddress?> HolderAsync(IClusterClient grains, Guid bookingId)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.FirstOrDefault(statistic =>
            statistic.GrainType.Contains(nameof(Grains.SesReporting.BookingSesGrain), StringComparison.Ordinal)
            && statistic.GrainId.TryGetGuidKey(out var key, out _) && key == bookingId)?.SiloAddress;
    }
}
