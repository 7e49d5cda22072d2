using System.Text;
using Kasify.Chaos.Options;
using Xunit.Abstractions;

namespace Kasify.Chaos.Tests;

/// <summary>
/// The chaos run in small: three silo processes and two API hosts on PostgreSQL, Nuki locks and UniFi Access doors, a
/// minute of mixed booking and code traffic while two silos are SIGKILLed and one API host is killed, with stays whose codes expire during the run and
/// guests checking in for stays reported to SES.HOSPEDAJES. Only correctness is asserted, never timings.
/// </summary>
public sealed class ShortChaosRunTests(ITestOutputHelper output)
{
    private static readonly ChaosOptions Short = new ChaosOptions
    {
        Duration = TimeSpan.FromSeconds(60),
        Silos = 3,
        ApiHosts = 2,
        Accounts = 2,
        Properties = 10,
        Locks = 30,
        Rate = 10,
        KillEvery = TimeSpan.FromSeconds(25),
        Settle = TimeSpan.FromSeconds(30),
    }.Validated();

    [Fact]
    public async Task KillingSilosAndAnApiHostUnderLoadLosesNoAcknowledgedWriteLeavesNoStrayOrExpiredCodeAndReportsEachCheckinOnce()
    {
        var log = new StringWriter(new StringBuilder());
        try
        {
            var verdict = await ChaosRunner.RunAsync(Short, log);

            Assert.True(verdict.TrackedBookings > 0, "the workload acknowledged no booking, so nothing was checked");
            Assert.True(verdict.CheckedCodes > 0, "the workload acknowledged no code, so no device was checked");
            Assert.True(verdict.CheckedUniFiCodes > 0, "no code on a UniFi door was read back, so the UniFi console was not checked");
            Assert.True(verdict.ExpiringCodes > 0, "no code of a stay ending during the run was acknowledged, so no expiry was watched");
            Assert.True(verdict.CheckinsComplete > 0, "no check-in was acknowledged complete, so no guest register (PV) was owed");
            Assert.Equal(0, verdict.LostBookingWrites);
            Assert.Equal(0, verdict.LostTaskWrites);
            Assert.Equal(0, verdict.MissingCodes);
            Assert.Equal(0, verdict.RevokesNotApplied);
            Assert.Equal(0, verdict.CodesNotSettled);
            Assert.Equal(0, verdict.ActiveCodesNotOnDevice);
            Assert.Equal(0, verdict.WrongWindowOrPin);
            Assert.Equal(0, verdict.OrphanCodes);
            Assert.Equal(0, verdict.DuplicatePins);
            Assert.Equal(0, verdict.ServerErrors);
            Assert.Equal(0, verdict.ExpiredCodesOnDevice);
            Assert.Equal(0, verdict.ExpiringCodesRemovedEarly);
            Assert.Equal(0, verdict.SesMissing);
            Assert.Equal(0, verdict.SesDuplicates);
            Assert.Equal(0, verdict.SesCancellationsMissing);
            Assert.Equal(0, verdict.SesWrongCancellations);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }
    }
}
