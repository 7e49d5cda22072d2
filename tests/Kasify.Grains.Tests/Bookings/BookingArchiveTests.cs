using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Bookings;

/// <summary>Stays that ended long ago move to yearly archive grains; everything read or changed through the calendar stays the same.</summary>
public sealed class BookingArchiveTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static BookingDetails Stay(DateOnly from, int nights, BookingChannel channel = BookingChannel.Airbnb, BookingStatus status = BookingStatus.Confirmed) =>
        BookingRulesTests.Stay("2030-01-01", "2030-01-02", status) with { From = from, To = from.AddDays(nights), Channel = channel };

    private async Task<(Guid OwnerId, IPropertyGrain Property, PropertyBookings Bookings)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner.Id, property, _grains.Bookings(property));
    }

    // Old stays over three departure years (one crossing into the next year), cancelled ones and other channels among
    // them, and stays too recent to archive or still to come.
    private static IEnumerable<BookingDetails> History()
    {
        for (var i = 0; i < 18; i++)
        {
            var channel = i % 3 == 0 ? BookingChannel.Booking : BookingChannel.Airbnb;
            var status = i % 5 == 4 ? BookingStatus.Cancelled : BookingStatus.Confirmed;
            yield return Stay(Date("2022-11-20").AddDays(i * 41), 2 + (i % 4), channel, status) with { ChannelId = $"R{i:00}" };
        }

        yield return Stay(Date("2023-12-29"), 5); // leaves in 2024
        yield return Stay(Today.AddDays(-20), 3); // too recent
        yield return Stay(Today.AddDays(30), 4);
        yield return Stay(Today.AddDays(60), 2, BookingChannel.Booking);
    }

    private async Task<ImmutableArray<BookingDto>> CreateAsync(PropertyBookings bookings, Guid ownerId, IEnumerable<BookingDetails> stays)
    {
        var created = ImmutableArray.CreateBuilder<BookingDto>();
        foreach (var stay in stays)
        {
            created.Add(await bookings.CreateBookingAsync(ownerId, stay));
        }

        await _grains.BookingsSettledAsync(bookings.PropertyId);
        return created.ToImmutable();
    }

    // Every read the calendar answers about its bookings, as text: equal text is an equal answer.
    private static async Task<string> ReadEverythingAsync(PropertyBookings bookings, Guid callerId, ImmutableArray<Guid> ids)
    {
        var answers = new List<object?>();
        BookingQuery[] queries =
        [
            BookingQuery.All,
            BookingQuery.All with { SortBy = BookingSort.Checkout, SortDescending = true },
            BookingQuery.All with { From = Date("2023-06-01") },
            BookingQuery.All with { To = Date("2024-01-31") },
            BookingQuery.All with { From = Today.AddDays(-30) },
            BookingQuery.All with { Channel = BookingChannel.Booking },
            BookingQuery.All with { Text = "R1" },
            BookingQuery.All with { Text = "ana" },
        ];
        foreach (var query in queries)
        {
            for (var page = 0; page < 4; page++)
            {
                answers.Add(await bookings.ListBookingsAsync(callerId, query, new PageRequest(page, 7)));
            }

            answers.Add(await bookings.FindBookingsAsync(callerId, query, 5));
        }

        foreach (var (from, to) in new[] { ("2022-11-01", "2023-02-28"), ("2023-12-15", "2024-01-31"), ("2024-06-01", "2024-12-31") })
        {
            answers.Add(await bookings.GetCalendarAsync(callerId, new CalendarWindow(Date(from), Date(to))));
        }

        answers.Add(await bookings.GetCalendarAsync(callerId, new CalendarWindow(Today.AddDays(-25), Today.AddDays(70))));
        answers.Add(await bookings.GetBookingsAsync(callerId, ids));
        foreach (var id in ids)
        {
            answers.Add(await bookings.GetBookingAsync(callerId, id));
        }

        answers.Add(await bookings.GetCurrentBookingAsync(callerId));
        return JsonSerializer.Serialize(answers);
    }

    private async Task<BookingCalendarState> StoredCalendarAsync(Guid propertyId)
    {
        var row = new GrainState<BookingCalendarState>(new BookingCalendarState());
        await Storage.ReadStateAsync("bookingCalendar", _grains.GetGrain<IBookingCalendarGrain>(propertyId).GetGrainId(), row);
        return row.State!;
    }

    [Fact]
    public async Task ArchivingMovesOldStaysAndEveryReadAnswersAsBefore()
    {
        var (ownerId, _, bookings) = await NewPropertyAsync();
        var created = await CreateAsync(bookings, ownerId, History());
        var ids = created.Select(booking => booking.Id).ToImmutableArray();
        var before = await ReadEverythingAsync(bookings, ownerId, ids);

        await bookings.Calendar.ArchiveEndedStaysAsync();
        var after = await ReadEverythingAsync(bookings, ownerId, ids);

        Assert.Equal(before, after);
        var stored = await StoredCalendarAsync(bookings.PropertyId);
        Assert.Equal(created.Skip(19).Select(booking => booking.Id).Order(), stored.Slots.Keys.Order());
        Assert.Equal([2022, 2023, 2024], stored.ArchiveYears.Order());
        Assert.Empty(stored.ArchiveLeftovers);
        var archived = new List<ArchivedSlot>();
        foreach (var year in stored.ArchiveYears)
        {
            archived.AddRange(await BookingArchiveKeys.For(_grains, bookings.PropertyId, year).GetAllAsync());
        }

        Assert.Equal(created.Take(19).Select(booking => booking.Id).Order(), archived.Select(slot => slot.BookingId).Order());
        Assert.All(archived, slot => Assert.Null(slot.Slot.GuestEmail)); // compact, like the calendar's own slots
    }

    [Fact]
    public async Task ANewStayOverArchivedDatesIsAnOverlap()
    {
        var (ownerId, _, bookings) = await NewPropertyAsync();
        var old = await bookings.CreateBookingAsync(ownerId, Stay(Date("2023-05-10"), 4));
        await _grains.BookingsSettledAsync(bookings.PropertyId);
        await bookings.Calendar.ArchiveEndedStaysAsync();

        var error = await Assert.ThrowsAsync<ConflictException>(() => bookings.CreateBookingAsync(ownerId, Stay(Date("2023-05-12"), 3)));
        var after = await bookings.CreateBookingAsync(ownerId, Stay(Date("2023-05-14"), 2)); // arrives the day the old one leaves

        Assert.Equal("booking.overlap", error.Code);
        Assert.Equal(old.Id.ToString(), error.Extensions["conflicting_booking_id"]);
        Assert.Equal(Date("2023-05-14"), after.Details.From);
    }

    [Fact]
    public async Task ChangingAnArchivedBookingBringsItBack()
    {
        var (ownerId, _, bookings) = await NewPropertyAsync();
        var created = await CreateAsync(bookings, ownerId, [Stay(Date("2023-05-10"), 4), Stay(Date("2023-06-01"), 2), Stay(Today.AddDays(10), 2)]);
        await bookings.Calendar.ArchiveEndedStaysAsync();

        var noted = await bookings.UpdateBookingAsync(ownerId, created[0].Id, Patches.Empty with { Notes = Patch<string>.Set("Left a charger") });
        var cancelled = await bookings.UpdateBookingAsync(
            ownerId, created[1].Id, Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        var retaken = await bookings.CreateBookingAsync(ownerId, Stay(Date("2023-06-01"), 2)); // the cancelled stay's nights are free
        var listed = await bookings.ListBookingsAsync(ownerId, BookingQuery.All, new PageRequest(0, 20));

        Assert.Equal("Left a charger", noted.Details.Notes);
        Assert.Equal(created[0].Details with { Notes = "Left a charger" }, noted.Details);
        Assert.Equal("Left a charger", (await bookings.GetBookingAsync(ownerId, created[0].Id))!.Details.Notes);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Details.Status);
        Assert.Equal(new[] { created[0].Id, created[1].Id, created[2].Id, retaken.Id }.Order(), listed.Content.Select(booking => booking.Id).Order());
        Assert.Equal(4, listed.TotalElements);
        Assert.Equal("Left a charger", listed.Content.Single(booking => booking.Id == created[0].Id).Details.Notes);
    }

    [Fact]
    public async Task ASlotBothInTheCalendarAndAnArchiveIsReadOnceAsTheCalendarHoldsIt()
    {
        var (ownerId, _, bookings) = await NewPropertyAsync();
        var created = await CreateAsync(bookings, ownerId, [Stay(Date("2023-05-10"), 4), Stay(Date("2023-07-01"), 2)]);
        await bookings.Calendar.ArchiveEndedStaysAsync();
        var moved = await bookings.UpdateBookingAsync(ownerId, created[1].Id, Patches.Empty with
        {
            From = Patch<DateOnly?>.Set(Date("2023-08-01")),
            To = Patch<DateOnly?>.Set(Date("2023-08-04")),
        });

        // As a move cut short by a crash leaves it: the archive still has the stay at its old dates.
        await BookingArchiveKeys.For(_grains, bookings.PropertyId, 2023).AddAsync(
            [new ArchivedSlot(created[1].Id, BookingRules.Compact(created[1].Details), Revision: 0)]);
        var listed = await bookings.ListBookingsAsync(ownerId, BookingQuery.All, new PageRequest(0, 20));
        var july = await bookings.GetCalendarAsync(ownerId, new CalendarWindow(Date("2023-07-01"), Date("2023-07-31")));
        var august = await bookings.GetCalendarAsync(ownerId, new CalendarWindow(Date("2023-08-01"), Date("2023-08-31")));
        var retaken = await bookings.CreateBookingAsync(ownerId, Stay(Date("2023-07-01"), 2)); // the old dates are free
        await bookings.Calendar.ArchiveEndedStaysAsync();
        var relisted = await bookings.ListBookingsAsync(ownerId, BookingQuery.All, new PageRequest(0, 20));

        Assert.Equal([created[0].Id, created[1].Id], listed.Content.Select(booking => booking.Id));
        Assert.Equal(2, listed.TotalElements);
        Assert.DoesNotContain(july.Events, item => item.BookingId == created[1].Id);
        Assert.Contains(august.Events, item => item.BookingId == created[1].Id && item.From == Date("2023-08-01"));
        Assert.Equal([created[0].Id, retaken.Id, moved.Id], relisted.Content.Select(booking => booking.Id));
        Assert.Equal(Date("2023-08-01"), relisted.Content[2].Details.From);
    }

    [Fact]
    public async Task ArchivedBookingsHearOfThePropertysNewTimes()
    {
        var (ownerId, property, bookings) = await NewPropertyAsync();
        var old = await bookings.CreateBookingAsync(ownerId, Stay(Date("2023-05-10"), 4));
        await _grains.BookingsSettledAsync(bookings.PropertyId);
        await bookings.Calendar.ArchiveEndedStaysAsync();
        var before = await bookings.GetBookingAsync(ownerId, old.Id); // its grain is active with the old times

        await property.ReplaceAsync(ownerId, PropertyGrainTests.Details() with { CheckinTime = new TimeOnly(17, 0) });
        var after = await Eventually.UntilAsync(
            () => bookings.GetBookingAsync(ownerId, old.Id),
            booking => booking!.ArrivalAt != before!.ArrivalAt,
            TimeSpan.FromSeconds(20),
            "the archived booking to hear of the new check-in time");

        Assert.Equal(before!.ArrivalAt.AddHours(2), after!.ArrivalAt);
    }

    [Fact]
    public async Task DeletingThePropertyErasesItsArchivedBookingsAndArchives()
    {
        var (ownerId, property, bookings) = await NewPropertyAsync();
        var created = await CreateAsync(bookings, ownerId, [Stay(Date("2022-03-01"), 2), Stay(Date("2024-03-01"), 2), Stay(Today.AddDays(5), 2)]);
        await bookings.Calendar.ArchiveEndedStaysAsync();

        await property.DeleteAsync(ownerId);

        foreach (var booking in created)
        {
            Assert.Null(await _grains.GetGrain<IBookingGrain>(booking.Id).GetAsync());
        }

        foreach (var year in new[] { 2022, 2024 })
        {
            var archive = BookingArchiveKeys.For(_grains, bookings.PropertyId, year);
            var row = new GrainState<BookingArchiveState>(new BookingArchiveState());
            await Storage.ReadStateAsync("bookingArchive", archive.GetGrainId(), row);
            Assert.False(row.RecordExists);
            Assert.Empty(await archive.GetAllAsync());
        }
    }

    [Fact]
    public async Task TheCalendarRowKeepsOnlyRecentStaysWhateverTheHistory()
    {
        var (ownerId, _, bookings) = await NewPropertyAsync();
        var first = Today.AddDays(-1000 - 100);
        var history = Enumerable.Range(0, 1000).Select(day => Stay(first.AddDays(day), 1));
        var recent = Enumerable.Range(0, 5).Select(week => Stay(Today.AddDays((7 * week) - 14), 2));
        var created = await CreateAsync(bookings, ownerId, history.Concat(recent));

        await bookings.Calendar.ArchiveEndedStaysAsync();
        var stored = await StoredCalendarAsync(bookings.PropertyId);
        var listed = await bookings.ListBookingsAsync(ownerId, BookingQuery.All with { SortDescending = true }, new PageRequest(0, 5));
        var found = await bookings.FindBookingsAsync(ownerId, BookingQuery.All, 3);

        Assert.Equal(created.TakeLast(5).Select(booking => booking.Id).Order(), stored.Slots.Keys.Order());
        Assert.Equal(1005, listed.TotalElements);
        Assert.Equal(created.TakeLast(5).Reverse().Select(booking => booking.Id), listed.Content.Select(booking => booking.Id));
        Assert.Equal(1005, found.Total);
        Assert.Equal(created.Take(3).Select(booking => booking.Id), found.First.Select(listing => listing.Id));
    }
}
