using System.Text;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Silo.Hosting;
using Microsoft.Data.Sqlite;

namespace Kasify.Grains.Tests.CheckIn;

public sealed class CheckinGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    // The property's own date (Europe/Madrid): check-in closes by it, and late in the UTC evening it is already tomorrow.
    private static DateOnly Today => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(PropertyLimits.DefaultTimeZone)).DateTime);

    private static BookingDetails Stay(DateOnly from, int nights, int adults = 2, int children = 0) =>
        BookingRulesTests.Stay("2030-01-01", "2030-01-02") with
        {
            From = from,
            To = from.AddDays(nights),
            AdultsCount = adults,
            ChildrenCount = children,
            InfantsCount = 0,
        };

    private async Task<(Guid OwnerId, IPropertyGrain Property, BookingDto Booking)> NewBookingAsync(BookingDetails stay)
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property, await _grains.Bookings(property).CreateBookingAsync(owner.Id, stay));
    }

    [Fact]
    public async Task GuestsRegisterUntilTheCheckinIsCompleteThenItIsFull()
    {
        var (ownerId, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3));

        var empty = await _grains.Bookings(property).GetCheckinAsync(booking.Id);
        Assert.NotNull(empty);
        Assert.Empty(empty.Guests);
        Assert.False(empty.CheckinCompleted);
        Assert.False(empty.CheckinClosed);
        Assert.Equal(booking.CheckinCode, empty.BookingCode);
        Assert.Equal(2, empty.GuestsNumber);
        Assert.Equal(PropertyGrainTests.Details().Name, empty.Property.Name);

        var first = await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        var guest = Assert.Single(first.Guests);
        Assert.Equal("Lucía", guest.FirstName);
        Assert.Equal("*****78Z", guest.DocumentNumberMasked);
        Assert.False(first.CheckinCompleted);
        Assert.Null((await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id))!.CheckinCompletedAt);

        var second = await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult());
        Assert.Equal(2, second.Guests.Length);
        Assert.True(second.CheckinCompleted);
        Assert.False(second.HasMinors);
        Assert.NotNull((await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id))!.CheckinCompletedAt);

        var full = await Assert.ThrowsAsync<ConflictException>(() => _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult() with { DocumentNumber = "X99" }));
        Assert.Equal("checkin.full", full.Code);

        var feed = await FeedAsync(property, entries => entries.Any(entry => entry.Kind == ActivityKind.CheckinCompleted));
        Assert.Equal(2, feed.Count(entry => entry.Kind == ActivityKind.GuestRegistered));
        Assert.Single(feed, entry => entry.Kind == ActivityKind.CheckinCompleted && entry.BookingId == booking.Id);
        Assert.All(feed, entry => Assert.DoesNotContain("Lucía", entry.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMinorIsFlaggedAndABrokenRuleIsAFieldError()
    {
        var (_, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3, adults: 1, children: 1));

        var rejected = await Assert.ThrowsAsync<RequestValidationException>(
            () => _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult() with { DocumentSupportNumber = null }));
        Assert.Equal(GuestRuleCodes.DocumentSupportRequired, GuestRuleCodes.CodeOf(rejected.Errors["document_support_number"][0]));

        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult() with { RelationshipCode = "PM" });
        var snapshot = await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.Minor());
        Assert.True(snapshot.HasMinors);
        Assert.True(snapshot.CheckinCompleted);
        Assert.Single(snapshot.Guests, guest => guest.IsMinor && guest.DocumentNumberMasked is null);
    }

    [Fact]
    public async Task AChildCompletingAFamilysCheckinLeavesItWaitingForTheAdultsRelationship()
    {
        var (ownerId, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3, adults: 1, children: 1));

        var adult = Assert.Single((await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult())).Guests);
        var waiting = await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.Minor() with { RelationshipCode = "OT" });

        Assert.False(waiting.CheckinCompleted);
        var missing = Assert.Single(waiting.MissingData);
        Assert.Equal((adult.Id, "relationship_code", GuestRuleCodes.AdultRelationshipRequired), (missing.GuestId, missing.Field, missing.Code));
        Assert.Equal(waiting.MissingData.AsEnumerable(), (await _grains.Bookings(property).GetCheckinAsync(booking.Id))!.MissingData.AsEnumerable());
        Assert.Null((await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id))!.CheckinCompletedAt);
        var full = await Assert.ThrowsAsync<ConflictException>(() => _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult()));
        Assert.Equal("checkin.full", full.Code);

        var complete = await _grains.Bookings(property).ReplaceGuestAsync(booking.Id, adult.Id, GuestRulesTests.SpanishAdult() with { RelationshipCode = "TU" });

        Assert.True(complete.CheckinCompleted);
        Assert.Empty(complete.MissingData);
        Assert.NotNull((await _grains.Bookings(property).GetBookingAsync(ownerId, booking.Id))!.CheckinCompletedAt);
        var feed = await FeedAsync(property, entries => entries.Any(entry => entry.Kind == ActivityKind.CheckinCompleted));
        Assert.Single(feed, entry => entry.Kind == ActivityKind.CheckinCompleted && entry.BookingId == booking.Id);
    }

    // Check-in events reach the feed from the booking's outbox right after the answer.
    private Task<System.Collections.Immutable.ImmutableArray<ActivityEntry>> FeedAsync(IPropertyGrain property, Func<System.Collections.Immutable.ImmutableArray<ActivityEntry>, bool> done) =>
        Storage.Eventually.UntilAsync(
            () => _grains.GetGrain<IActivityFeedGrain>(property.GetPrimaryKey()).GetLatestAsync(null, 10),
            done,
            TimeSpan.FromSeconds(20),
            "the check-in's entries in the feed");

    [Fact]
    public async Task CheckinClosesAfterTheDepartureDateAndOnCancel()
    {
        var (ownerId, property, past) = await NewBookingAsync(Stay(Today.AddDays(-5), 3));
        var closed = await _grains.Bookings(property).GetCheckinAsync(past.Id);
        Assert.True(closed!.CheckinClosed);
        var pastError = await Assert.ThrowsAsync<ConflictException>(() => _grains.Bookings(property).RegisterGuestAsync(past.Id, GuestRulesTests.SpanishAdult()));
        Assert.Equal("checkin.closed", pastError.Code);

        var today = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Today.AddDays(-2), 2));
        Assert.False((await _grains.Bookings(property).GetCheckinAsync(today.Id))!.CheckinClosed);

        var later = await _grains.Bookings(property).CreateBookingAsync(ownerId, Stay(Today.AddDays(20), 2));
        await _grains.Bookings(property).UpdateBookingAsync(ownerId, later.Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        Assert.True((await _grains.Bookings(property).GetCheckinAsync(later.Id))!.CheckinClosed);
        var cancelError = await Assert.ThrowsAsync<ConflictException>(() => _grains.Bookings(property).RegisterGuestAsync(later.Id, GuestRulesTests.SpanishAdult()));
        Assert.Equal("checkin.closed", cancelError.Code);
    }

    [Fact]
    public async Task TenParallelRegistrationsForTwoGuestsLetExactlyTwoIn()
    {
        var (_, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult() with { DocumentNumber = $"P{i:D6}" });
                return "ok";
            }
            catch (ConflictException conflict)
            {
                return conflict.Code;
            }
        })));

        Assert.Equal(2, attempts.Count(result => result == "ok"));
        Assert.Equal(8, attempts.Count(result => result == "checkin.full"));
        Assert.Equal(2, (await _grains.Bookings(property).GetCheckinAsync(booking.Id))!.Guests.Length);
    }

    [Fact]
    public async Task ADeletedPropertysBookingsHaveNoCheckin()
    {
        var (ownerId, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3));
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        await property.DeleteAsync(ownerId);

        // The booking and its guests' identity data are erased, and the code no longer resolves.
        Assert.Null(await _grains.GetGrain<IBookingGrain>(booking.Id).GetPropertyIdAsync());
        Assert.Null(await _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(booking.CheckinCode!)).ResolveAsync());
        Assert.Null(await _grains.Bookings(property).GetCheckinAsync(booking.Id));
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult()));
        Assert.Equal("checkin.not_found", error.Code);
    }

    [Fact]
    public async Task OwnersAndManagersFindGuestsStaffAndContractorsFindNone()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var manager = await _grains.RegisterNewUserAsync();
        var staff = await _grains.RegisterNewUserAsync();
        var contractor = await _grains.RegisterNewUserAsync();
        var propertyId = await fixture.CreatePropertyWithCrewAsync(
            owner, (manager, AccessLevel.Manager), (staff, AccessLevel.Staff), (contractor, AccessLevel.Contractor));
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        var booking = await _grains.Bookings(property).CreateBookingAsync(owner.Id, Stay(Today.AddDays(10), 3));
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult());

        var all = await _grains.Bookings(property).GuestsIndexedAsync(owner.Id, 2);
        Assert.Equal("Anna", all.First[0].FirstName); // newest first
        Assert.Equal("DEU", all.First[0].NationalityCode);
        Assert.Equal(propertyId, all.First[0].PropertyId);
        Assert.Equal(booking.Id, all.First[0].BookingId);
        Assert.Equal("Lucía", (await _grains.Bookings(property).FindGuestsAsync(manager.Id, "lucia martin", 10)).First.Single().FirstName);
        Assert.Single((await _grains.Bookings(property).FindGuestsAsync(owner.Id, "C01X00T47", 10)).First);
        Assert.Equal(0, (await _grains.Bookings(property).FindGuestsAsync(owner.Id, "C01X", 10)).Total);
        Assert.Equal(0, (await _grains.Bookings(property).FindGuestsAsync(staff.Id, null, 10)).Total);
        Assert.Equal(0, (await _grains.Bookings(property).FindGuestsAsync(contractor.Id, null, 10)).Total);
        Assert.Equal(0, (await _grains.Bookings(property).FindGuestsAsync(Guid.NewGuid(), null, 10)).Total);
    }

    [Fact]
    public async Task IdentityDataIsEncryptedAtRest()
    {
        var (_, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3));
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());

        await using var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(fixture.Options.Storage.SqlitePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE ServiceId = 'kasify'";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (!reader.IsDBNull(0))
                {
                    rows.Add(Encoding.UTF8.GetString((byte[])reader[0]));
                }
            }
        }

        var row = Assert.Single(rows, row => row.Contains(booking.CheckinCode!, StringComparison.Ordinal) && row.Contains("Guests", StringComparison.Ordinal));
        Assert.Contains("*****78Z", row, StringComparison.Ordinal);
        foreach (var secret in new[] { "12345678Z", "1985-03-09", "ABC123456", "lucia@example.com", "600111222", "Calle Mayor", "Lucía", "Lucia", "Mart" })
        {
            Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        }

        // Still readable after reactivation, through the key.
        Assert.Equal("Lucía", (await _grains.Bookings(property).GetCheckinAsync(booking.Id))!.Guests.Single().FirstName);
    }

    [Fact]
    public async Task ChangingTheGuestCountCompletesOrReopensTheCheckin()
    {
        var (ownerId, property, booking) = await NewBookingAsync(Stay(Today.AddDays(10), 3));
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());

        var fewer = await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { AdultsCount = Patch<int?>.Set(1) });
        Assert.NotNull(fewer.CheckinCompletedAt);
        Assert.True((await _grains.Bookings(property).GetCheckinAsync(booking.Id))!.CheckinCompleted);

        var more = await _grains.Bookings(property).UpdateBookingAsync(ownerId, booking.Id, Patches.Empty with { AdultsCount = Patch<int?>.Set(3) });
        Assert.Null(more.CheckinCompletedAt);
        var snapshot = await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult());
        Assert.False(snapshot.CheckinCompleted);
    }
}
