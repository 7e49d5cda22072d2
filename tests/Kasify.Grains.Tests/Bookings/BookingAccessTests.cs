using System.Text.Json;
using System.Text.Json.Nodes;
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

    [Fact]
    public void StaffSeeWhichFieldsAnIncompleteReportLacksButNotItsText()
    {
        var report = new SesCommunicationView(
            Guid.NewGuid(), SesCommunicationKind.BookingReport, SesStatus.Incomplete, DateTimeOffset.UnixEpoch, null, null, null,
            0, null, "ses.incomplete", "Not sent: missing guest_email, guest_phone", null, [])
        { MissingFields = ["guest_email", "guest_phone"] };
        var waiting = Booking with
        {
            Ses = new SesTracking(SesStatus.Incomplete, null, null, null, "Not sent", [report], 2) { MissingFields = ["guest_email", "guest_phone"] },
        };

        var staff = BookingAccess.ForRole(waiting, AccessLevel.Staff).Ses;

        Assert.Equal((SesStatus.Incomplete, null), (staff.Status, staff.LastError));
        Assert.Equal(["guest_email", "guest_phone"], staff.MissingFields.AsEnumerable());
        Assert.Equal(["guest_email", "guest_phone"], Assert.Single(staff.Communications).MissingFields.AsEnumerable());
        Assert.Null(staff.Communications[0].Error);
    }

    [Fact]
    public void TrackingsStoredBeforeMissingFieldsExistedReadAsMissingNothing()
    {
        var stored = JsonSerializer.Serialize(Booking.Ses with
        {
            Status = SesStatus.Rejected,
            Communications = [new SesCommunicationView(
                Guid.NewGuid(), SesCommunicationKind.GuestRegister, SesStatus.Rejected, DateTimeOffset.UnixEpoch, null, null, null, 1, null, "ses.validation", "x", null,
                [new SesGuestResult(Guid.NewGuid(), SesStatus.Rejected, "x")])],
        });
        var old = JsonNode.Parse(stored)!.AsObject();
        old.Remove(nameof(SesTracking.MissingFields));
        var communication = old[nameof(SesTracking.Communications)]![0]!.AsObject();
        communication.Remove(nameof(SesCommunicationView.MissingFields));
        communication[nameof(SesCommunicationView.Guests)]![0]!.AsObject().Remove(nameof(SesGuestResult.MissingFields));

        var read = JsonSerializer.Deserialize<SesTracking>(old.ToJsonString())!;

        Assert.Empty(read.MissingFields);
        Assert.Empty(read.Communications[0].MissingFields);
        Assert.Empty(read.Communications[0].Guests[0].MissingFields);
        Assert.Equal(SesStatus.Rejected, read.Status);
    }
}
