using Kasify.Grains.CheckIn;
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
            Unsettled: false);
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
}
