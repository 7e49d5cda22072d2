using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// Reporting survives silo restarts: the communication is stored before it is sent, the reminder brings the grain back,
/// and exactly one communication per trigger reaches the Ministry.
/// </summary>
public sealed class SesRestartTests(SesCluster cluster) : IClassFixture<SesCluster>
{
    [Fact]
    public async Task APendingReportIsSentOnceAfterARestart()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.Options.RejectCredentials = true;
        Guid bookingId;
        try
        {
            bookingId = (await host.BookAsync()).Id;
            await host.WaitForAsync(bookingId, ses => ses.Communications.Any(c => c.Attempts >= 1), "A first refused attempt");
            await cluster.RestartAsync();
        }
        finally
        {
            cluster.SesFake.Options.RejectCredentials = false;
        }

        var restarted = host.On(cluster.Grains);
        var accepted = await restarted.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Accepted, "The report being accepted after the restart");
        Assert.Single(accepted.Ses.Communications);
        Assert.Single(restarted.Received(bookingId, "RH"));
    }

    [Fact]
    public async Task ALotWithTheMinistryIsQueriedNotResentAfterARestart()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.Options.ProcessingDelayMs = 4000;
        Guid bookingId;
        try
        {
            bookingId = (await host.BookAsync()).Id;
            await host.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Submitted, "The report's lot being with the Ministry");
            await cluster.RestartAsync();
        }
        finally
        {
            cluster.SesFake.Options.ProcessingDelayMs = 300;
        }

        var accepted = await host.On(cluster.Grains).WaitForAsync(bookingId, ses => ses.Status == SesStatus.Accepted, "The lot's verdict after the restart");
        Assert.Equal(1, Assert.Single(accepted.Ses.Communications).Attempts);
        Assert.Single(host.Received(bookingId, "RH"));
    }
}
