using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.Tests.Bookings;

public sealed class BookingAccessTests
{
    private static readonly BookingDto Booking = new(
        Guid.NewGuid(), Guid.NewGuid(), BookingRulesTests.Stay("2026-07-01", "2026-07-08"), "code", DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, SesTracking.NotRequired);

    [Theory]
    [InlineData(AccessLevel.Owner, true, true, true)]
    [InlineData(AccessLevel.Manager, true, true, true)]
    [InlineData(AccessLevel.Staff, true, false, false)]
    [InlineData(AccessLevel.Contractor, false, false, false)]
    public void RolesDecideReadingWritingAndGuestData(AccessLevel role, bool reads, bool edits, bool seesGuestData)
    {
        Assert.Equal(reads, BookingAccess.CanRead(role));
        Assert.Equal(edits, BookingAccess.CanEdit(role));
        Assert.Equal(seesGuestData, BookingAccess.SeesGuestData(role));
    }

    [Fact]
    public void StaffSeeTheStayButNotTheGuest()
    {
        var seen = BookingAccess.ForRole(Booking, AccessLevel.Staff);

        Assert.Null(seen.CheckinCode);
        Assert.Equal(
            Booking.Details with
            {
                GuestFirstName = null,
                GuestLastName = null,
                GuestEmail = null,
                GuestPhone = null,
                Notes = null,
                SpecialRequests = null,
            },
            seen.Details);
        Assert.Equal(3, seen.Details.GuestsNumber);
    }

    [Fact]
    public void StaffSeeTheSesStatusButNeitherErrorTextsNorGuestResults()
    {
        var guest = new SesGuestResult(Guid.NewGuid(), SesStatus.Rejected, "Lucía: documento no válido");
        var register = new SesCommunicationView(
            Guid.NewGuid(), SesCommunicationKind.GuestRegister, SesStatus.Rejected, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "lot", DateTimeOffset.UnixEpoch,
            1, null, "ses.refused", "refused", DateTimeOffset.UnixEpoch, [guest]);
        var reported = Booking with { Ses = new SesTracking(SesStatus.Rejected, null, "lot", null, "refused", [register], 3) };

        var staff = BookingAccess.ForRole(reported, AccessLevel.Staff).Ses;
        var manager = BookingAccess.ForRole(reported, AccessLevel.Manager).Ses;

        Assert.Equal((SesStatus.Rejected, "lot", "ses.refused"), (staff.Status, Assert.Single(staff.Communications).BatchId, staff.Communications[0].ErrorCode));
        Assert.Empty(staff.Communications[0].Guests);
        Assert.Null(staff.Communications[0].Error);
        Assert.Null(staff.LastError);
        Assert.Equal("refused", manager.LastError);
        Assert.Equal(guest, Assert.Single(Assert.Single(manager.Communications).Guests));
    }

    [Fact]
    public void ManagersSeeEverything() => Assert.Same(Booking, BookingAccess.ForRole(Booking, AccessLevel.Manager));
}
