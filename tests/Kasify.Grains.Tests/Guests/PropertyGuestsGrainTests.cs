using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.CheckIn;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Guests;

public sealed class PropertyGuestsGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static BookingDetails Stay() =>
        BookingRulesTests.Stay("2030-01-01", "2030-01-02") with
        {
            From = Today.AddDays(10),
            To = Today.AddDays(13),
            AdultsCount = 2,
            ChildrenCount = 0,
            InfantsCount = 0,
        };

    private async Task<(Guid OwnerId, IPropertyGrain Property, BookingDto Booking)> NewBookingAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property, await _grains.Bookings(property).CreateBookingAsync(owner.Id, Stay()));
    }

    private static BookingGuests Push(Guid bookingId, Guid propertyId, long revision, string firstName) => new(bookingId, revision,
    [
        new IndexedGuest(
            new GuestDto(Guid.NewGuid(), bookingId, propertyId, firstName, "Pérez", null, "ESP", "NIF", "*****78Z", false, DateTimeOffset.UtcNow),
            null),
    ]);

    [Fact]
    public async Task TheIndexFollowsRegistrationsReplacementsAndErasure()
    {
        var (ownerId, property, booking) = await NewBookingAsync();
        var bookings = _grains.Bookings(property);
        var lucia = Assert.Single((await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult())).Guests);
        await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult());

        var listed = await bookings.GuestsIndexedAsync(ownerId, 2);
        Assert.Equal(["Anna", "Lucía"], listed.First.Select(guest => guest.FirstName));
        Assert.All(listed.First, guest => Assert.Equal(booking.Id, guest.BookingId));
        Assert.Equal("*****78Z", listed.First[1].DocumentNumberMasked);

        await bookings.ReplaceGuestAsync(booking.Id, lucia.Id, GuestRulesTests.SpanishAdult() with { FirstName = "Carmen", DocumentNumber = "87654321X" });
        var carmen = await Eventually(() => bookings.FindGuestsAsync(ownerId, "carmen", 10), matches => matches.Total == 1, "the replacement to be indexed");
        Assert.Equal(lucia.Id, carmen.First.Single().Id);
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, "lucia", 10)).Total);
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, "12345678Z", 10)).Total);
        Assert.Equal(1, (await bookings.FindGuestsAsync(ownerId, "87654321x", 10)).Total);

        // Erasing the booking takes its guests out of the index before the booking's own state goes.
        await _grains.GetGrain<IBookingGrain>(booking.Id).EraseAsync();
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, null, 10)).Total);
    }

    [Fact]
    public async Task AnOlderOrRepeatedRevisionOfABookingsGuestsChangesNothing()
    {
        var (ownerId, property, _) = await NewBookingAsync();
        var index = _grains.GetGrain<IPropertyGuestsGrain>(property.GetPrimaryKey());
        var bookingId = Guid.NewGuid();

        await index.ApplyBookingGuestsAsync(Push(bookingId, property.GetPrimaryKey(), 2, "Nuevo"));
        await index.ApplyBookingGuestsAsync(Push(bookingId, property.GetPrimaryKey(), 1, "Viejo"));
        await index.ApplyBookingGuestsAsync(Push(bookingId, property.GetPrimaryKey(), 2, "Repetido"));

        var listed = await index.FindGuestsAsync(ownerId, null, 10);
        Assert.Equal("Nuevo", Assert.Single(listed.First).FirstName);

        await index.ApplyBookingGuestsAsync(Push(bookingId, property.GetPrimaryKey(), 3, "Siguiente"));
        Assert.Equal("Siguiente", Assert.Single((await index.FindGuestsAsync(ownerId, null, 10)).First).FirstName);
    }

    [Fact]
    public async Task DocumentNumbersAreFoundOnlyWholeAndAreNeverStoredInClear()
    {
        var (ownerId, property, booking) = await NewBookingAsync();
        var bookings = _grains.Bookings(property);
        await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.ForeignAdult());
        await bookings.GuestsIndexedAsync(ownerId, 2);

        Assert.Equal("Lucía", (await bookings.FindGuestsAsync(ownerId, "12345678z", 10)).First.Single().FirstName);
        Assert.Equal("Lucía", (await bookings.FindGuestsAsync(ownerId, "martin 12345678Z", 10)).First.Single().FirstName);
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, "anna 12345678Z", 10)).Total);
        foreach (var part in new[] { "1234", "12345678", "5678Z", "678", "12345678Z0", "C01X" })
        {
            Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, part, 10)).Total);
        }

        var row = Assert.Single((await new StoredRows(fixture.Options).ReadAsync()).Values,
            row => row.Contains(booking.Id.ToString(), StringComparison.OrdinalIgnoreCase) && row.Contains("DocumentNumberHash", StringComparison.Ordinal));
        foreach (var personal in new[] { "12345678Z", "C01X00T47", "*****78Z", "Lucía", "Lucia", "Mart", "Anna", "Schmidt" })
        {
            Assert.DoesNotContain(personal, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeletingThePropertyClearsItsGuestIndex()
    {
        var (ownerId, property, booking) = await NewBookingAsync();
        await _grains.Bookings(property).RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        await _grains.Bookings(property).GuestsIndexedAsync(ownerId, 1);

        await property.DeleteAsync(ownerId);

        Assert.DoesNotContain((await new StoredRows(fixture.Options).ReadAsync()).Values,
            row => row.Contains(booking.Id.ToString(), StringComparison.OrdinalIgnoreCase) && row.Contains("DocumentNumberHash", StringComparison.Ordinal));
        Assert.Equal(0, (await _grains.Bookings(property).FindGuestsAsync(ownerId, null, 10)).Total);
    }

    [Fact]
    public async Task GuestsStoredBeforeTheIndexExistedAreIndexedWhenTheCalendarFirstActivates()
    {
        var (ownerId, property, booking) = await NewBookingAsync();
        var bookings = _grains.Bookings(property);
        await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
        await bookings.GuestsIndexedAsync(ownerId, 1);
        await _grains.BookingsSettledAsync(property.GetPrimaryKey());

        // Rewind the stored rows to what an earlier version wrote: no index, a calendar that never asked its bookings,
        // a booking whose guests were never pushed.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var rows = new StoredRows(fixture.Options);
        var stored = await rows.ReadAsync();
        var bookingId = booking.Id.ToString();
        var index = Assert.Single(stored, row => row.Value.Contains(bookingId, StringComparison.OrdinalIgnoreCase) && row.Value.Contains("DocumentNumberHash", StringComparison.Ordinal));
        var calendar = Assert.Single(stored, row => row.Value.Contains(bookingId, StringComparison.OrdinalIgnoreCase) && row.Value.Contains("\"Slots\"", StringComparison.Ordinal));
        var bookingRow = Assert.Single(stored, row => row.Value.Contains(booking.CheckinCode!, StringComparison.Ordinal));
        Assert.Contains("\"GuestsIndexed\":true", calendar.Value, StringComparison.Ordinal);
        Assert.Contains("\"GuestsRevision\":1", bookingRow.Value, StringComparison.Ordinal);
        await rows.WriteAsync(index.Key, null);
        await rows.WriteAsync(calendar.Key, calendar.Value.Replace("\"GuestsIndexed\":true", "\"GuestsIndexed\":false", StringComparison.Ordinal));
        await rows.WriteAsync(bookingRow.Key, bookingRow.Value.Replace("\"GuestsRevision\":1", "\"GuestsRevision\":0", StringComparison.Ordinal));
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, null, 10)).Total);

        // The calendar asks its bookings before it answers its first call.
        await bookings.GetCurrentBookingAsync(ownerId);

        Assert.Equal("Lucía", Assert.Single((await bookings.FindGuestsAsync(ownerId, "12345678Z", 10)).First).FirstName);
    }

    [Fact]
    public async Task TheOwedPushIsStoredWithTheGuestAndDeliveredWhenTheBookingComesBack()
    {
        var (ownerId, property, booking) = await NewBookingAsync();
        var bookings = _grains.Bookings(property);
        var rows = new StoredRows(fixture.Options);
        bool IsBookingRow(string row) => row.Contains(booking.CheckinCode!, StringComparison.Ordinal);

        // The registration is answered while the index has not taken it; the debt is in the booking's row already.
        using (var hold = fixture.GrainCalls.HoldCallsTo(bookings.GuestIndex.GetGrainId()))
        {
            await bookings.RegisterGuestAsync(booking.Id, GuestRulesTests.SpanishAdult());
            await hold.Entered;
            var owing = Assert.Single((await rows.ReadAsync()).Values, IsBookingRow);
            Assert.Contains("\"GuestsRevision\":1", owing, StringComparison.Ordinal);
            Assert.Contains("\"GuestsUnindexed\":true", owing, StringComparison.Ordinal);
        }

        await bookings.GuestsIndexedAsync(ownerId, 1);
        await Eventually(
            async () => Assert.Single((await rows.ReadAsync()).Values, IsBookingRow).Contains("\"GuestsUnindexed\":false", StringComparison.Ordinal),
            paid => paid,
            "the booking to record the delivery");

        // A silo that went away after the write but before the delivery: the next activation of the booking delivers it.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = await rows.ReadAsync();
        var index = Assert.Single(stored, row => row.Value.Contains(booking.Id.ToString(), StringComparison.OrdinalIgnoreCase) && row.Value.Contains("DocumentNumberHash", StringComparison.Ordinal));
        var bookingRow = Assert.Single(stored, row => IsBookingRow(row.Value));
        await rows.WriteAsync(index.Key, null);
        await rows.WriteAsync(bookingRow.Key, bookingRow.Value.Replace("\"GuestsUnindexed\":false", "\"GuestsUnindexed\":true", StringComparison.Ordinal));
        Assert.Equal(0, (await bookings.FindGuestsAsync(ownerId, null, 10)).Total);

        await bookings.GetCheckinAsync(booking.Id);

        await bookings.GuestsIndexedAsync(ownerId, 1);
    }

    private static Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string what) =>
        Storage.Eventually.UntilAsync(probe, done, TimeSpan.FromSeconds(20), what);
}
