using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Tests.SmartLocks;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>A communication that cannot be sent raises one deadline warning in the activity feed, then still goes out.</summary>
public sealed class SesDeadlineTests(DeadlineSesCluster cluster) : IClassFixture<DeadlineSesCluster>
{
    [Fact]
    public async Task AnUnsentCommunicationWarnsOnceWhenItsDeadlineNears()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.Options.RejectCredentials = true;
        Guid bookingId;
        try
        {
            bookingId = (await host.BookAsync()).Id;
            await Poll.UntilAsync(
                () => host.ActivityAsync(bookingId, ActivityKind.SesDeadlineWarning),
                warnings => warnings.Count > 0,
                TimeSpan.FromSeconds(20),
                "A deadline warning",
                warnings => warnings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // More refused attempts after the warning add no second one.
            var attempts = (await host.GetAsync(bookingId)).Ses.Communications.Single().Attempts;
            await host.WaitForAsync(bookingId, ses => ses.Communications.Single().Attempts >= attempts + 2, "Two more refused attempts");
        }
        finally
        {
            cluster.SesFake.Options.RejectCredentials = false;
        }

        var warning = Assert.Single(await host.ActivityAsync(bookingId, ActivityKind.SesDeadlineWarning));
        Assert.Contains("booking report (RH)", warning.Summary, StringComparison.Ordinal);
        Assert.Contains("24 h", warning.Summary, StringComparison.Ordinal);
        await host.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Accepted, "The late report being accepted");
        Assert.Single(host.Received(bookingId, "RH"));
    }

    [Fact]
    public async Task ACommunicationWaitingForDataNobodyGivesWarnsToo()
    {
        var host = await SesHost.CreateAsync(cluster, establishmentCode: null);
        var bookingId = (await host.BookAsync()).Id;
        await host.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Incomplete, "The report waiting for the missing code");

        var warnings = await Poll.UntilAsync(
            () => host.ActivityAsync(bookingId, ActivityKind.SesDeadlineWarning),
            found => found.Count > 0,
            TimeSpan.FromSeconds(20),
            "A deadline warning for the incomplete report",
            found => found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("missing: ses_establishment_code", Assert.Single(warnings).Summary, StringComparison.Ordinal);
    }
}
