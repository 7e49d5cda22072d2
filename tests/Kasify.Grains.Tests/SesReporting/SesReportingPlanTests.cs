using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.SesReporting;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.CheckIn;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>Which communications a booking owes, from its content and what was planned before.</summary>
public sealed class SesReportingPlanTests
{
    private static readonly DateTimeOffset Created = new(2030, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Created.AddHours(1);
    private static readonly Guid BookingId = Guid.NewGuid();
    private static readonly PropertySesFacts Facts = new(Guid.NewGuid(), new PropertySchedule("Europe/Madrid", new TimeOnly(16, 0), new TimeOnly(11, 0)), "0000000042", true, 2);

    private static SesContent Content(BookingDetails? details = null, DateTimeOffset? completed = null, params ValidatedGuest[] guests)
    {
        var stay = details ?? BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = guests.Length > 0 ? guests.Length : 1, ChildrenCount = 0 };
        var source = new BookingSesSource(
            stay,
            Created,
            completed,
            new DateTimeOffset(2030, 2, 1, 16, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2030, 2, 3, 11, 0, 0, TimeSpan.FromHours(1)),
            [.. guests.Select(_ => new EncryptedGuest(Guid.NewGuid(), [1]))],
            Unsettled: false,
            Facts);
        return new SesContent(BookingId, source, Facts, guests);
    }

    private static SesCommunicationRecord Only(List<SesCommunicationRecord> records, SesCommunicationKind kind) => Assert.Single(records, r => r.Kind == kind && !r.Superseded);

    [Fact]
    public void AnActiveBookingOwesOneBookingReportCountedFromItsCreation()
    {
        var records = new List<SesCommunicationRecord>();

        Assert.True(SesReportingPlan.Apply(records, Content(), reporting: true, Now));
        Assert.False(SesReportingPlan.Apply(records, Content(), reporting: true, Now.AddMinutes(5)));

        var report = Assert.Single(records);
        Assert.Equal((SesCommunicationKind.BookingReport, SesStatus.Pending, Created), (report.Kind, report.Status, report.TriggeredAt));
    }

    [Fact]
    public void AnAccountWithoutTheIntegrationOwesNothing()
    {
        var records = new List<SesCommunicationRecord>();

        Assert.False(SesReportingPlan.Apply(records, Content(), reporting: false, Now));
        Assert.Empty(records);
    }

    [Fact]
    public void ACompleteCheckinAddsTheGuestRegisterWithItsGuests()
    {
        var records = new List<SesCommunicationRecord>();
        var content = Content(completed: Now, guests: [GuestRulesTests.Validate(GuestRulesTests.SpanishAdult())]);

        SesReportingPlan.Apply(records, content, reporting: true, Now);

        var register = Only(records, SesCommunicationKind.GuestRegister);
        Assert.Equal(content.Source.Guests.Select(g => g.Id), register.GuestIds);
        Assert.Equal(Now, register.TriggeredAt);
    }

    [Fact]
    public void ChangedContentUpdatesAReportNotSentYet()
    {
        var records = new List<SesCommunicationRecord>();
        SesReportingPlan.Apply(records, Content(), reporting: true, Now);
        var before = Only(records, SesCommunicationKind.BookingReport).Fingerprint;

        var renamed = BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 0, GuestLastName = "Gómez" };
        Assert.True(SesReportingPlan.Apply(records, Content(renamed), reporting: true, Now));

        var report = Assert.Single(records);
        Assert.NotEqual(before, report.Fingerprint);
    }

    [Fact]
    public void ChangedContentCancelsAndReplacesAnAcceptedReportButOnlyFollowsARefusedOne()
    {
        var records = new List<SesCommunicationRecord>();
        SesReportingPlan.Apply(records, Content(), reporting: true, Now);
        var accepted = records[0];
        accepted.Status = SesStatus.Accepted;
        accepted.CommunicationCode = "code-1";
        var moved = BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 0, GuestFirstName = "Anabel" };

        SesReportingPlan.Apply(records, Content(moved), reporting: true, Now);

        Assert.True(accepted.Superseded);
        var cancellation = Only(records, SesCommunicationKind.Cancellation);
        Assert.Equal((accepted.Id, cancellation.Id), (cancellation.Cancels, accepted.CancelledBy));
        var replacement = Only(records, SesCommunicationKind.BookingReport);
        replacement.Status = SesStatus.Rejected;

        var renamed = moved with { GuestLastName = "Gómez" };
        SesReportingPlan.Apply(records, Content(renamed), reporting: true, Now);

        Assert.True(replacement.Superseded);
        Assert.Single(records, r => r.Kind == SesCommunicationKind.Cancellation);
        Assert.Equal(SesStatus.Pending, Only(records, SesCommunicationKind.BookingReport).Status);
    }

    [Fact]
    public void ACancelledBookingDropsWhatWasNeverSentCancelsWhatWasAcceptedAndWaitsForTheRest()
    {
        var records = new List<SesCommunicationRecord>();
        var guests = new[] { GuestRulesTests.Validate(GuestRulesTests.SpanishAdult()) };
        SesReportingPlan.Apply(records, Content(completed: Now, guests: guests), reporting: true, Now);
        var report = Only(records, SesCommunicationKind.BookingReport);
        var register = Only(records, SesCommunicationKind.GuestRegister);
        report.Status = SesStatus.Accepted;
        report.CommunicationCode = "code-1";
        var cancelled = content(BookingStatus.Cancelled);

        Assert.True(SesReportingPlan.Apply(records, cancelled, reporting: true, Now));

        Assert.Equal((SesStatus.Cancelled, true), (register.Status, register.Superseded));
        Assert.Equal(report.Id, Only(records, SesCommunicationKind.Cancellation).Cancels);

        // A communication possibly on the wire is left until the Ministry has answered.
        var inDoubt = new List<SesCommunicationRecord>();
        SesReportingPlan.Apply(inDoubt, Content(completed: Now, guests: guests), reporting: true, Now);
        inDoubt.ForEach(r => r.Status = SesStatus.Submitted);
        Assert.False(SesReportingPlan.Apply(inDoubt, cancelled, reporting: true, Now));

        SesContent content(BookingStatus status) =>
            Content(BookingRulesTests.Stay("2030-02-01", "2030-02-03", status) with { AdultsCount = 1, ChildrenCount = 0 }, Now, guests);
    }

    [Theory]
    [InlineData(PaymentType.Card, BookingChannel.Manual, "TARJT")]
    [InlineData(PaymentType.AtDestination, BookingChannel.Airbnb, "DESTI")]
    [InlineData(null, BookingChannel.Booking, "PLATF")]
    [InlineData(null, BookingChannel.Manual, "OTRO")]
    public void ThePaymentCodeComesFromTheBookingElseFromItsChannel(PaymentType? payment, BookingChannel channel, string code) =>
        Assert.Equal(code, SesCommunicationBuilder.PaymentCode(BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { PaymentType = payment, Channel = channel }));

    [Fact]
    public void TheRegisterCarriesLocalTimesAndAForeignGuestsTown()
    {
        var foreign = GuestRulesTests.Validate(GuestRulesTests.ForeignAdult());
        var content = Content(completed: Now, guests: [foreign]);

        var register = content.GuestRegister();

        var stay = Assert.Single(register.Stays);
        Assert.Equal((new DateTime(2030, 2, 1, 16, 0, 0), new DateTime(2030, 2, 3, 11, 0, 0)), (stay.Contract.CheckIn, stay.Contract.CheckOut));
        Assert.Equal((1, 2, true, "0000000042"), (stay.Contract.People, stay.Contract.Rooms, stay.Contract.Internet, register.EstablishmentCode));
        var address = Assert.Single(stay.Guests).Address!;
        Assert.Equal(("Berlin", null, "DEU"), (address.MunicipalityName, address.MunicipalityCode, address.Country));
        Assert.Equal(BookingId.ToString("N"), stay.Contract.Reference);
    }

    private static BookingDetails Unreachable() =>
        BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 0, GuestEmail = null, GuestPhone = null };

    [Fact]
    public void AReportLackingTheHoldersContactWaitsIncompleteThenGoesOnceItArrives()
    {
        var records = new List<SesCommunicationRecord>();

        Assert.True(SesReportingPlan.Apply(records, Content(Unreachable()), reporting: true, Now));
        Assert.False(SesReportingPlan.Apply(records, Content(Unreachable()), reporting: true, Now.AddMinutes(1)));

        var report = Assert.Single(records);
        Assert.Equal((SesStatus.Incomplete, SesReportingRules.IncompleteCode, null), (report.Status, report.ErrorCode, report.NextActionAt));
        Assert.Equal(["guest_email", "guest_phone"], report.MissingFields);
        Assert.Contains("guest_email, guest_phone (an email or a phone is enough)", report.Error, StringComparison.Ordinal);
        Assert.False(report.IsOpen);

        Assert.True(SesReportingPlan.Apply(records, Content(Unreachable() with { GuestPhone = "+34 600 111 222" }), reporting: true, Now.AddHours(2)));

        // The same communication, due now and counted from the booking's creation: the obligation never changed.
        Assert.Same(report, Assert.Single(records));
        Assert.Equal((SesStatus.Pending, null, null, Created), (report.Status, report.ErrorCode, report.NextActionAt, report.TriggeredAt));
        Assert.Empty(report.MissingFields);
        Assert.True(report.IsOpen);
    }

    [Fact]
    public void NamesAndTheEstablishmentCodeAreMissingDataToo()
    {
        var records = new List<SesCommunicationRecord>();
        var nameless = Unreachable() with { GuestFirstName = " ", GuestLastName = null, GuestEmail = "ana@example.org" };
        var content = Content(nameless) with { Facts = Facts with { EstablishmentCode = null } };

        SesReportingPlan.Apply(records, content, reporting: true, Now);

        var report = Assert.Single(records);
        Assert.Equal(["ses_establishment_code", "guest_first_name", "guest_last_name"], report.MissingFields);
        Assert.DoesNotContain("email", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegisterLackingAnAdultsRelationshipNamesTheAdultAndGoesOnceTheyGiveIt()
    {
        var records = new List<SesCommunicationRecord>();
        var adult = GuestRulesTests.Validate(GuestRulesTests.SpanishAdult());
        var child = GuestRulesTests.Validate(GuestRulesTests.Minor() with { RelationshipCode = "OT" });
        var family = BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 1 };
        var content = Content(family, Now, adult, child);

        SesReportingPlan.Apply(records, content, reporting: true, Now);

        var register = Only(records, SesCommunicationKind.GuestRegister);
        var adultId = content.Source.Guests[0].Id;
        Assert.Equal(SesStatus.Incomplete, register.Status);
        Assert.Equal(["relationship_code"], register.MissingFields);
        Assert.Equal([adultId], register.MissingGuestFields.Keys);
        Assert.Equal(["relationship_code"], register.MissingGuestFields[adultId]);
        Assert.Equal(SesStatus.Pending, Only(records, SesCommunicationKind.BookingReport).Status);

        var answered = content with { Guests = [adult with { RelationshipCode = "TU" }, child] };
        SesReportingPlan.Apply(records, answered, reporting: true, Now);

        Assert.Same(register, Only(records, SesCommunicationKind.GuestRegister));
        Assert.Equal(SesStatus.Pending, register.Status);
        Assert.Empty(register.MissingGuestFields);
    }

    [Fact]
    public void ACancelledBookingDropsAnIncompleteCommunication()
    {
        var records = new List<SesCommunicationRecord>();
        SesReportingPlan.Apply(records, Content(Unreachable()), reporting: true, Now);

        Assert.True(SesReportingPlan.Apply(records, Content(Unreachable() with { Status = BookingStatus.Cancelled }), reporting: true, Now));

        var report = Assert.Single(records);
        Assert.Equal((SesStatus.Cancelled, true), (report.Status, report.Superseded));
        Assert.DoesNotContain(records, r => r.Kind == SesCommunicationKind.Cancellation);
    }

    [Fact]
    public void AnUnsentReportWhoseDataIsRemovedWaitsAgain()
    {
        var records = new List<SesCommunicationRecord>();
        SesReportingPlan.Apply(records, Content(), reporting: true, Now);
        var report = Assert.Single(records);
        report.NextActionAt = Now.AddMinutes(3);

        Assert.False(SesReportingPlan.Apply(records, Content(), reporting: true, Now), "an unchanged pending report keeps its backoff");
        Assert.Equal(Now.AddMinutes(3), report.NextActionAt);

        SesReportingPlan.Apply(records, Content(Unreachable()), reporting: true, Now);
        Assert.Equal(SesStatus.Incomplete, Assert.Single(records).Status);

        // On the wire already: the Ministry's answer decides, not the data now.
        report.Status = SesStatus.Submitted;
        Assert.False(SesReportingPlan.Apply(records, Content(Unreachable() with { GuestLastName = "Gómez" }), reporting: true, Now));
        Assert.Equal(SesStatus.Submitted, report.Status);
    }

    [Fact]
    public void TheLoneAdultOfAChildIsReportedAsTheParentAndPassesThePreSendCheck()
    {
        var adult = GuestRulesTests.Validate(GuestRulesTests.SpanishAdult());
        var child = GuestRulesTests.Validate(GuestRulesTests.Minor());
        var family = BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 1 };
        var content = Content(family, Now, adult, child);

        var register = content.GuestRegister();

        Assert.Equal(["PM", "HJ"], Assert.Single(register.Stays).Guests.Select(guest => guest.Relationship));
        Assert.Null(adult.RelationshipCode);
        Assert.True(content.Missing(SesCommunicationKind.GuestRegister).IsEmpty);
        Assert.Contains("<parentesco>PM</parentesco>", SesPayloads.GuestRegister(register).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATrackingWithAnIncompleteCommunicationSaysSoAndWhatItLacks()
    {
        var state = new BookingSesState();
        var adult = GuestRulesTests.Validate(GuestRulesTests.SpanishAdult());
        var child = GuestRulesTests.Validate(GuestRulesTests.Minor() with { RelationshipCode = "OT" });
        var family = BookingRulesTests.Stay("2030-02-01", "2030-02-03") with { AdultsCount = 1, ChildrenCount = 1, GuestPhone = null, GuestEmail = null };
        var content = Content(family, Now, adult, child);
        SesReportingPlan.Apply(state.Communications, content, reporting: true, Now);

        var tracking = SesTrackingView.Of(state);

        Assert.Equal(SesStatus.Incomplete, tracking.Status);
        Assert.Equal(["guest_email", "guest_phone", "relationship_code"], tracking.MissingFields.AsEnumerable());
        Assert.NotNull(tracking.LastError);
        var register = tracking.Communications.Single(c => c.Kind == SesCommunicationKind.GuestRegister);
        Assert.Equal(["relationship_code"], register.MissingFields.AsEnumerable());
        Assert.Equal([["relationship_code"], []], register.Guests.Select(guest => guest.MissingFields.ToArray()));

        // A refusal outranks a wait for data; once nothing waits, nothing is listed.
        state.Communications[0].Status = SesStatus.Rejected;
        Assert.Equal(SesStatus.Rejected, SesTrackingView.Of(state).Status);
        state.Communications.ForEach(record => record.Status = SesStatus.Accepted);
        Assert.Empty(SesTrackingView.Of(state).MissingFields);
    }
}
