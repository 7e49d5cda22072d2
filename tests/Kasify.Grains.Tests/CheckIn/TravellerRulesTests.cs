using Kasify.Grains.CheckIn;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Tests.Bookings;

namespace Kasify.Grains.Tests.CheckIn;

/// <summary>
/// The one set of SES.HOSPEDAJES rules on people that check-in and the pre-send check share: when a minor travels an
/// adult carries the relationship, derived only where the minors' codes leave no doubt, and a check-in with a gap does
/// not complete but names the guest who can fill it.
/// </summary>
public sealed class TravellerRulesTests
{
    private static Traveller Adult(string? relationship = null) => new(IsMinor: false, relationship);

    private static Traveller Minor(string? relationship) => new(IsMinor: true, relationship);

    [Theory]
    [InlineData("HJ", "PM")]
    [InlineData("NI", "AB")]
    [InlineData("BN", "BA")]
    [InlineData("SB", "TI")]
    [InlineData("HR", "HR")]
    public void ALoneAdultsRelationshipFollowsFromAClearCounterpart(string minor, string adult)
    {
        Assert.Equal(adult, TravellerRules.DerivedAdultRelationship([Adult(), Minor(minor)]));
        Assert.Equal(adult, TravellerRules.DerivedAdultRelationship([Minor(minor), Adult(), Minor(minor)]));
        Assert.False(TravellerRules.OwesRelationship(TravellerRules.WithDerivedRelationships([Adult(), Minor(minor)])));
    }

    [Theory]
    [InlineData("OT")]
    [InlineData("TU")]
    [InlineData("PM")]
    [InlineData("CY")]
    [InlineData(null)]
    public void NothingIsGuessedFromCodesWithoutAClearCounterpart(string? minor)
    {
        Assert.Null(TravellerRules.DerivedAdultRelationship([Adult(), Minor(minor)]));
        Assert.True(TravellerRules.OwesRelationship(TravellerRules.WithDerivedRelationships([Adult(), Minor(minor)])));
    }

    [Fact]
    public void NothingIsGuessedForSeveralAdultsMixedMinorsOrAnAdultWhoAnswered()
    {
        Assert.Null(TravellerRules.DerivedAdultRelationship([Adult(), Adult(), Minor("HJ")]));
        Assert.Null(TravellerRules.DerivedAdultRelationship([Adult(), Minor("HJ"), Minor("SB")]));
        Assert.Null(TravellerRules.DerivedAdultRelationship([Adult("TU"), Minor("HJ")]));
        Assert.Null(TravellerRules.DerivedAdultRelationship([Adult()]));
        Assert.Null(TravellerRules.DerivedAdultRelationship([Minor("HJ")]));

        // An adult's own answer stands, even where another would follow.
        Assert.Equal("TU", TravellerRules.WithDerivedRelationships([Adult("TU"), Minor("HJ")])[0].Relationship);
    }

    [Fact]
    public void AMinorNeedsAnAdultWithARelationship()
    {
        Assert.True(TravellerRules.OwesRelationship([Adult(), Minor("HJ")]));
        Assert.True(TravellerRules.OwesRelationship([Adult(), Adult(), Minor("HJ")]));
        Assert.True(TravellerRules.OwesRelationship([Minor("HJ")]));
        Assert.False(TravellerRules.OwesRelationship([Adult(), Adult("PM"), Minor("HJ")]));
        Assert.False(TravellerRules.OwesRelationship([Adult(), Adult()]));
        Assert.True(TravellerRules.OwesRelationship([Adult(" "), Minor("HJ")]));
    }

    [Fact]
    public void ContactDocumentsAndNationalityFollowTheRegisterRules()
    {
        Assert.True(TravellerRules.HasContact(null, " ", "ana@example.org"));
        Assert.False(TravellerRules.HasContact(null, " ", ""));
        Assert.True(TravellerRules.NeedsDocument(isMinor: false));
        Assert.False(TravellerRules.NeedsDocument(isMinor: true));
        Assert.True(TravellerRules.NeedsSupportNumber("NIE"));
        Assert.False(TravellerRules.NeedsSupportNumber("PAS"));
        Assert.True(TravellerRules.NeedsSecondLastName("NIF"));
        Assert.False(TravellerRules.NeedsSecondLastName("NIE"));
        Assert.False(TravellerRules.DocumentFitsNationality("NIF", "FRA"));
        Assert.True(TravellerRules.DocumentFitsNationality("NIF", "ESP"));
        Assert.True(TravellerRules.DocumentFitsNationality("PAS", "FRA"));
        Assert.True(TravellerRules.NeedsMunicipalityCode("ESP"));
        Assert.False(TravellerRules.NeedsMunicipalityCode("DEU"));
    }

    [Fact]
    public void ADocumentTwiceInAPartyIsADuplicateButNoDocumentsAreNot()
    {
        var party = new[] { new Traveller(false, null, "PAS", "X1"), new Traveller(false, null, "PAS", "X1"), new Traveller(true, "HJ"), new Traveller(true, "HJ") };

        Assert.Equal([("PAS", "X1")], TravellerRules.DuplicateDocuments(party));
        Assert.Empty(TravellerRules.DuplicateDocuments([new Traveller(false, null, "PAS", "X1"), new Traveller(false, null, "OTRO", "X1")]));
    }

    private static BookingDetails Family(int adults, int children) =>
        BookingRulesTests.Stay("2025-07-14", "2025-07-20") with { AdultsCount = adults, ChildrenCount = children, InfantsCount = 0 };

    private static (Guid Id, ValidatedGuest Guest) Registered(GuestRegistration guest) => (Guid.NewGuid(), GuestRulesTests.Validate(guest));

    [Fact]
    public void ACheckinWithAChildOfUnclearRelationshipWaitsForTheAdult()
    {
        var adult = Registered(GuestRulesTests.SpanishAdult());
        var child = Registered(GuestRulesTests.Minor() with { RelationshipCode = "OT" });

        var missing = CheckinRules.Missing(Family(1, 1), [adult, child]);

        var requirement = Assert.Single(missing);
        Assert.Equal((adult.Id, "relationship_code", GuestRuleCodes.AdultRelationshipRequired), (requirement.GuestId, requirement.Field, requirement.Code));
        Assert.False(string.IsNullOrWhiteSpace(requirement.Message));
        Assert.False(CheckinRules.IsComplete(Family(1, 1), [adult, child]));

        var answered = (adult.Id, adult.Guest with { RelationshipCode = "TU" });
        Assert.Empty(CheckinRules.Missing(Family(1, 1), [answered, child]));
        Assert.True(CheckinRules.IsComplete(Family(1, 1), [answered, child]));
    }

    [Fact]
    public void ACheckinWithTheLoneAdultsChildCompletesWithoutAsking()
    {
        var family = new[] { Registered(GuestRulesTests.SpanishAdult()), Registered(GuestRulesTests.Minor()) };

        Assert.Empty(CheckinRules.Missing(Family(1, 1), family));
        Assert.True(CheckinRules.IsComplete(Family(1, 1), family));
    }

    [Fact]
    public void EveryAdultOfAFamilyIsAskedAndOneAnswerIsEnough()
    {
        var lucia = Registered(GuestRulesTests.SpanishAdult());
        var anna = Registered(GuestRulesTests.ForeignAdult());
        var child = Registered(GuestRulesTests.Minor());

        Assert.Equal([lucia.Id, anna.Id], CheckinRules.Missing(Family(2, 1), [lucia, child, anna]).Select(r => r.GuestId));
        Assert.True(CheckinRules.IsComplete(Family(2, 1), [lucia, child, (anna.Id, anna.Guest with { RelationshipCode = "PM" })]));
    }

    [Fact]
    public void NothingIsMissingUntilEveryExpectedGuestHasRegistered()
    {
        var adult = Registered(GuestRulesTests.SpanishAdult());
        var child = Registered(GuestRulesTests.Minor() with { RelationshipCode = "OT" });

        Assert.Empty(CheckinRules.Missing(Family(2, 1), [adult, child]));
        Assert.False(CheckinRules.IsComplete(Family(2, 1), [adult, child]));
        Assert.True(CheckinRules.IsComplete(Family(2, 0), [adult, Registered(GuestRulesTests.ForeignAdult())]));
    }

    [Fact]
    public void AGuestStoredWithoutWhatTheRegisterNeedsIsAskedForIt()
    {
        // Registration refuses these today; guests stored before a rule existed are still caught before completion.
        var adult = Registered(GuestRulesTests.SpanishAdult());
        var old = (adult.Id, adult.Guest with { Phone = null, Email = null, DocumentSupportNumber = null, SecondLastName = null });

        var missing = CheckinRules.Missing(Family(1, 0), [old]);

        Assert.Equal(
            [("document_support_number", GuestRuleCodes.DocumentSupportRequired), ("second_last_name", GuestRuleCodes.SecondLastNameRequired),
             ("phone", GuestRuleCodes.ContactRequired), ("email", GuestRuleCodes.ContactRequired)],
            missing.Select(r => (r.Field, r.Code)));
        Assert.All(missing, r => Assert.Equal(adult.Id, r.GuestId));
        Assert.Equal(
            ["document_type", "document_number"],
            CheckinRules.Missing(Family(1, 0), [(adult.Id, adult.Guest with { DocumentType = null, DocumentNumber = null, DocumentSupportNumber = null, SecondLastName = null })]).Select(r => r.Field));
    }
}
