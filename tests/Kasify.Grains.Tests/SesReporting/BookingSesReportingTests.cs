using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Tests.CheckIn;
using Kasify.Grains.Tests.SmartLocks;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// Bookings reported to the fake SES.HOSPEDAJES end to end: the booking report on creation, the guest register when
/// check-in completes, refusals fixed and resent, cancellation after acceptance, and transport failures retried without
/// a second communication.
/// </summary>
public sealed class BookingSesReportingTests(SesCluster cluster) : IClassFixture<SesCluster>
{
    [Fact]
    public async Task ABookingAndItsGuestsAreReportedUntilTheMinistryAcceptsThem()
    {
        var host = await SesHost.CreateAsync(cluster);
        var booking = await host.BookAsync();

        var reported = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Accepted, "The booking report being accepted");
        var report = Assert.Single(reported.Ses.Communications);
        Assert.Equal((SesCommunicationKind.BookingReport, SesStatus.Accepted, 1), (report.Kind, report.Status, report.Attempts));
        var sentReport = Assert.Single(host.Received(booking.Id, "RH"));
        Assert.Equal(sentReport.CodigoComunicacion, report.CommunicationCode);
        Assert.Contains("<codigo>0000000042</codigo>", sentReport.Xml, StringComparison.Ordinal);
        Assert.Equal(report.BatchId, reported.Ses.BatchId);
        Assert.NotNull(reported.Ses.SubmittedAt);
        Assert.Null(reported.Ses.LastError);

        var checkin = await host.CompleteCheckinAsync(booking.Id);
        Assert.True(checkin.CheckinCompleted);

        var registered = await host.WaitForAsync(
            booking.Id, ses => SesHost.Has(ses, SesCommunicationKind.GuestRegister, SesStatus.Accepted), "The guest register being accepted");
        Assert.Equal(SesStatus.Accepted, registered.Ses.Status);
        var register = registered.Ses.Communications.Single(c => c.Kind == SesCommunicationKind.GuestRegister);
        var sentRegister = Assert.Single(host.Received(booking.Id, "PV"));
        Assert.Equal(sentRegister.CodigoComunicacion, register.CommunicationCode);
        Assert.Contains("<numeroDocumento>C01X00T47</numeroDocumento>", sentRegister.Xml, StringComparison.Ordinal);
        Assert.Equal(checkin.Guests.Select(g => g.Id).Order(), register.Guests.Select(g => g.GuestId).Order());
        Assert.All(register.Guests, guest => Assert.Equal(SesStatus.Accepted, guest.Status));
        Assert.Equal(2, (await host.ActivityFollowedAsync(booking.Id, ActivityKind.SesAccepted, 2)).Count);
    }

    [Fact]
    public async Task NothingIsSentForAnAccountWithoutTheIntegration()
    {
        var without = await SesHost.CreateAsync(cluster, connectSes: false);
        var quiet = await without.BookAsync();
        await without.CompleteCheckinAsync(quiet.Id);

        // A reporting account's booking, created after, being accepted shows the service had its chance.
        var with = await SesHost.CreateAsync(cluster);
        var reported = await with.BookAsync();
        await with.WaitForAsync(reported.Id, ses => ses.Status == SesStatus.Accepted, "The reporting account's booking being accepted");

        Assert.Equal(SesStatus.NotRequired, (await without.GetAsync(quiet.Id)).Ses.Status);
        Assert.Empty(without.Received(quiet.Id, "RH"));
        Assert.Empty(without.Received(quiet.Id, "PV"));
    }

    [Fact]
    public async Task AGuestTheMinistryRefusesIsFixedAndTheRegisterResent()
    {
        var host = await SesHost.CreateAsync(cluster);
        var booking = await host.BookAsync();
        const string Refused = "R00F11234";
        cluster.SesFake.Options.RejectedDocumentNumbers.Add(Refused);
        var checkin = await host.CompleteCheckinAsync(booking.Id, passport: Refused);

        var rejected = await host.WaitForAsync(
            booking.Id, ses => SesHost.Has(ses, SesCommunicationKind.GuestRegister, SesStatus.Rejected), "The guest register being refused");
        Assert.Equal(SesStatus.Rejected, rejected.Ses.Status);
        // The Ministry's text quotes the document; what Kasify keeps and shows has it masked.
        Assert.Contains("*****234", rejected.Ses.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Refused, rejected.Ses.LastError, StringComparison.Ordinal);
        var refused = rejected.Ses.Communications.Single(c => c.Kind == SesCommunicationKind.GuestRegister);
        Assert.Equal("ses.refused", refused.ErrorCode);
        Assert.All(refused.Guests, guest => Assert.Contains("no consta como válido", guest.Error, StringComparison.Ordinal));
        var warning = Assert.Single(await host.ActivityFollowedAsync(booking.Id, ActivityKind.SesRejected));
        Assert.Contains("guest register", warning.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", warning.Summary, StringComparison.Ordinal);

        var german = checkin.Guests.Single(guest => guest.FirstName == "Anna");
        var fixedCheckin = await host.Bookings.ReplaceGuestAsync(booking.Id, german.Id, GuestRulesTests.ForeignAdult() with { DocumentNumber = "C01X00T48" });
        Assert.True(fixedCheckin.CheckinCompleted);

        var accepted = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Accepted, "The corrected guest register being accepted");
        var registers = accepted.Ses.Communications.Where(c => c.Kind == SesCommunicationKind.GuestRegister).ToList();
        Assert.Equal([SesStatus.Rejected, SesStatus.Accepted], registers.Select(c => c.Status));
        var sent = host.Received(booking.Id, "PV");
        Assert.Equal(2, sent.Count);
        Assert.Null(sent[0].CodigoComunicacion);
        Assert.Equal(sent[1].CodigoComunicacion, registers[1].CommunicationCode);
        Assert.Contains("C01X00T48", sent[1].Xml, StringComparison.Ordinal);

        // Once the Ministry holds the register, the guest can no longer change underneath it.
        var locked = await Assert.ThrowsAsync<ConflictException>(() =>
            host.Bookings.ReplaceGuestAsync(booking.Id, german.Id, GuestRulesTests.ForeignAdult() with { DocumentNumber = "C01X00T49" }));
        Assert.Equal("checkin.reported", locked.Code);
    }

    [Fact]
    public async Task CancellingAnAcceptedBookingCancelsItsCommunicationsAtTheMinistry()
    {
        var host = await SesHost.CreateAsync(cluster);
        var booking = await host.BookAsync();
        await host.CompleteCheckinAsync(booking.Id);
        var accepted = await host.WaitForAsync(
            booking.Id,
            ses => ses.Status == SesStatus.Accepted && SesHost.Has(ses, SesCommunicationKind.GuestRegister, SesStatus.Accepted),
            "Both communications being accepted");
        var codes = accepted.Ses.Communications.Select(c => c.CommunicationCode!).ToHashSet();

        await host.Bookings.UpdateBookingAsync(host.OwnerId, booking.Id, LockStays.Cancel);

        var cancelled = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Cancelled, "The booking's communications being cancelled");
        Assert.Equal(2, cancelled.Ses.Communications.Count(c => c.Kind == SesCommunicationKind.Cancellation && c.Status == SesStatus.Accepted));
        Assert.All(
            cancelled.Ses.Communications.Where(c => c.Kind != SesCommunicationKind.Cancellation),
            communication => Assert.Equal(SesStatus.Cancelled, communication.Status));
        var cancelledAtMinistry = cluster.SesFake.Lots.Where(lot => lot.TipoOperacion == "B").SelectMany(lot => lot.Communications).Select(c => c.Referencia).ToHashSet();
        Assert.Equal(codes, cancelledAtMinistry.Intersect(codes).ToHashSet());
        Assert.All(host.Received(booking.Id, "RH").Concat(host.Received(booking.Id, "PV")), communication => Assert.True(communication.Anulada));
    }

    [Fact]
    public async Task ABookingCancelledBeforeItsReportWasSentSendsNothing()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.Options.RejectCredentials = true;
        Guid bookingId;
        try
        {
            var booking = await host.BookAsync();
            bookingId = booking.Id;
            await host.WaitForAsync(booking.Id, ses => ses.Communications.Any(c => c.Attempts >= 1), "A first refused attempt");
            await host.Bookings.UpdateBookingAsync(host.OwnerId, booking.Id, LockStays.Cancel);
        }
        finally
        {
            cluster.SesFake.Options.RejectCredentials = false;
        }

        var dropped = await host.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Cancelled, "The unsent report being dropped");
        Assert.Equal(SesStatus.Cancelled, Assert.Single(dropped.Ses.Communications).Status);

        // A second, reporting booking being accepted shows the service was available again in the meantime.
        var other = await host.BookAsync();
        await host.WaitForAsync(other.Id, ses => ses.Status == SesStatus.Accepted, "Another booking being accepted");
        Assert.Empty(host.Received(bookingId, "RH"));
    }

    [Fact]
    public async Task TransportFailuresAreRetriedAndExactlyOneCommunicationArrives()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.FailNext(3, 503);
        var booking = await host.BookAsync();

        var accepted = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Accepted, "The report being accepted after outages");

        var report = Assert.Single(accepted.Ses.Communications);
        Assert.True(report.Attempts >= 2, SesHost.Describe(accepted));
        Assert.Single(host.Received(booking.Id, "RH"));
    }

    [Fact]
    public async Task RefusedCredentialsKeepTheCommunicationPendingUntilTheyWorkAgain()
    {
        var host = await SesHost.CreateAsync(cluster);
        cluster.SesFake.Options.RejectCredentials = true;
        Guid bookingId;
        try
        {
            bookingId = (await host.BookAsync()).Id;
            var pending = await host.WaitForAsync(
                bookingId, ses => ses.Communications.Any(c => c.Attempts >= 2), "Two refused attempts");
            Assert.Equal(SesStatus.Pending, pending.Ses.Status);
            Assert.Equal("integration.unauthorized", Assert.Single(pending.Ses.Communications).ErrorCode);
            Assert.NotNull(pending.Ses.LastError);
            Assert.NotNull(pending.Ses.LastAttemptAt);
        }
        finally
        {
            cluster.SesFake.Options.RejectCredentials = false;
        }

        await host.WaitForAsync(bookingId, ses => ses.Status == SesStatus.Accepted, "The report being accepted once the credentials work");
        Assert.Single(host.Received(bookingId, "RH"));
    }

    [Fact]
    public async Task AReportWaitsIncompleteForTheEstablishmentCodeAndGoesOnceItIsSet()
    {
        var host = await SesHost.CreateAsync(cluster, establishmentCode: null);
        var booking = await host.BookAsync();

        // Nothing the Ministry refused: the report waits for data, and says which.
        var waiting = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Incomplete, "The report waiting for the missing code");
        var report = Assert.Single(waiting.Ses.Communications);
        Assert.Equal(("ses.incomplete", 0), (report.ErrorCode, report.Attempts));
        Assert.Equal(["ses_establishment_code"], report.MissingFields.AsEnumerable());
        Assert.Equal(["ses_establishment_code"], waiting.Ses.MissingFields.AsEnumerable());
        Assert.Contains("ses_establishment_code", waiting.Ses.LastError, StringComparison.Ordinal);
        Assert.Empty(host.Received(booking.Id, "RH"));
        var announced = Assert.Single(await host.ActivityFollowedAsync(booking.Id, ActivityKind.SesIncomplete));
        Assert.Contains("ses_establishment_code", announced.Summary, StringComparison.Ordinal);

        await host.Property.PatchAsync(host.OwnerId, new PropertyPatch(
            default, default, default, default, Patch<string>.Set("0000000077"), default, default, default, default, default));

        var accepted = await host.WaitForAsync(booking.Id, ses => ses.Status == SesStatus.Accepted, "The report being accepted once the code is set");
        var sent = Assert.Single(accepted.Ses.Communications);
        Assert.Equal((report.Id, SesStatus.Accepted, 1), (sent.Id, sent.Status, sent.Attempts));
        Assert.Empty(accepted.Ses.MissingFields);
        Assert.Contains("<codigo>0000000077</codigo>", Assert.Single(host.Received(booking.Id, "RH")).Xml, StringComparison.Ordinal);
        Assert.Single(await host.ActivityFollowedAsync(booking.Id, ActivityKind.SesIncomplete));
        Assert.Empty(await host.ActivityAsync(booking.Id, ActivityKind.SesRejected));
    }

    [Fact]
    public async Task ConcurrentWakeUpsAroundACompletingCheckinSendOneRegister()
    {
        var host = await SesHost.CreateAsync(cluster);
        var booking = await host.BookAsync();
        var reporting = cluster.Grains.GetGrain<IBookingSesGrain>(booking.Id);

        var wakes = Enumerable.Range(0, 40).Select(_ => Task.Run(() => reporting.WakeAsync())).ToList();
        var checkin = host.CompleteCheckinAsync(booking.Id);
        await Task.WhenAll([.. wakes, checkin]);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => reporting.WakeAsync())));

        var accepted = await host.WaitForAsync(
            booking.Id,
            ses => ses.Status == SesStatus.Accepted && SesHost.Has(ses, SesCommunicationKind.GuestRegister, SesStatus.Accepted),
            "Both communications being accepted");
        Assert.Equal(2, accepted.Ses.Communications.Length);
        Assert.Single(host.Received(booking.Id, "RH"));
        Assert.Single(host.Received(booking.Id, "PV"));
    }
}
