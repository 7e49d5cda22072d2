using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Api.Tests.CheckIn;

[Collection(ApiCollection.Name)]
public sealed class CheckinApiTests(KasifyApiFactory factory)
{
    private static readonly string Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string Departure = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static Dictionary<string, object?> SpanishAdult() => new()
    {
        ["first_name"] = "Lucía",
        ["last_name"] = "Martín",
        ["nationality_country_code"] = "ES",
        ["date_of_birth"] = "1985-03-09",
        ["sex"] = "M",
        ["second_last_name"] = "Ruiz",
        ["document_type"] = "NIF",
        ["document_number"] = "12345678Z",
        ["document_support_number"] = "ABC123456",
        ["residence_address"] = "Avenida del Sol 77, 3B",
        ["residence_country_code"] = "ES",
        ["residence_province_id"] = GeoIds.Province("28"),
        ["residence_city_id"] = GeoIds.Municipality("28079"),
        ["residence_city"] = null,
        ["residence_postal_code"] = "28039",
        ["phone_prefix"] = "+34",
        ["phone"] = "600111222",
        ["email"] = "lucia@example.com",
        ["relationship_code"] = null,
    };

    internal static Dictionary<string, object?> ForeignAdult()
    {
        var guest = SpanishAdult();
        guest["first_name"] = "Anna";
        guest["last_name"] = "Schmidt";
        guest["second_last_name"] = null;
        guest["nationality_country_code"] = "DE";
        guest["document_type"] = "PAS";
        guest["document_number"] = "C01X00T47";
        guest["document_support_number"] = null;
        guest["residence_address"] = "Hauptstr. 5";
        guest["residence_country_code"] = "DEU";
        guest["residence_province_id"] = null;
        guest["residence_city_id"] = null;
        guest["residence_city"] = "Berlin";
        guest["residence_postal_code"] = "10115";
        guest["phone_prefix"] = "+49";
        guest["phone"] = "1701234567";
        guest["email"] = "anna@example.de";
        return guest;
    }

    /// <summary>A child without a document who declares <paramref name="relationship"/> to the adult they travel with.</summary>
    internal static Dictionary<string, object?> Child(string relationship = "HJ")
    {
        var guest = SpanishAdult();
        guest["first_name"] = "Pablo";
        guest["date_of_birth"] = "2016-05-20";
        guest["sex"] = "H";
        guest["document_type"] = null;
        guest["document_number"] = null;
        guest["document_support_number"] = null;
        guest["email"] = null;
        guest["relationship_code"] = relationship;
        return guest;
    }

    /// <summary>A new owner with a property and a two-guest booking; returns the owner's client and the check-in code.</summary>
    private async Task<(HttpClient Owner, Guid PropertyId, string Code)> NewBookingAsync(int adults = 2)
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var booking = await owner.CreateBookingAsync(propertyId, new { from = Arrival, to = Departure, adults_count = adults });
        return (owner, propertyId, booking.GetProperty("checkin_code").GetString()!);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string[] CodesOf(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()!.Split(": ")[0])];

    [Fact]
    public async Task AGuestChecksInWithoutATokenAfterARejectedAttempt()
    {
        var (owner, propertyId, code) = await NewBookingAsync();
        using var _ = owner;
        using var guest = factory.CreateClient();

        using var first = await guest.GetAsync($"/v1/checkin/{code}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var snapshot = await ReadAsync(first);
        Assert.Equal(
            ["property", "from", "to", "guests_number", "booking_code", "guests", "checkin_completed", "checkin_closed", "has_minors", "missing_data"],
            snapshot.EnumerateObject().Select(field => field.Name));
        Assert.Equal("Casa Azul", snapshot.GetProperty("property").GetProperty("name").GetString());
        Assert.Equal(Arrival, snapshot.GetProperty("from").GetString());
        Assert.Equal(2, snapshot.GetProperty("guests_number").GetInt32());
        Assert.Equal(code, snapshot.GetProperty("booking_code").GetString());
        Assert.Equal(0, snapshot.GetProperty("guests").GetArrayLength());
        Assert.False(snapshot.GetProperty("checkin_completed").GetBoolean());
        Assert.False(snapshot.GetProperty("checkin_closed").GetBoolean());

        var broken = SpanishAdult();
        broken["document_support_number"] = null;
        broken["second_last_name"] = null;
        broken["date_of_birth"] = "1985-02-30";
        using var rejected = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", broken);
        var problem = await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["checkin.document_support_required"], CodesOf(problem, "document_support_number"));
        Assert.Equal(["checkin.second_last_name_required"], CodesOf(problem, "second_last_name"));
        Assert.Equal(["checkin.date_of_birth_invalid"], CodesOf(problem, "date_of_birth"));

        using var accepted = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", SpanishAdult());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var text = await accepted.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "12345678Z", "1985-03-09", "lucia@example.com", "600111222", "ABC123456", "Avenida del Sol", "28039" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var one = JsonDocument.Parse(text).RootElement;
        var registered = Assert.Single(one.GetProperty("guests").EnumerateArray());
        Assert.Equal("Lucía", registered.GetProperty("first_name").GetString());
        Assert.Equal("*****78Z", registered.GetProperty("document_number_masked").GetString());
        Assert.False(one.GetProperty("checkin_completed").GetBoolean());

        using var second = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", ForeignAdult());
        var done = await ReadAsync(second);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(done.GetProperty("checkin_completed").GetBoolean());

        using var third = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", ForeignAdult());
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.Conflict, "checkin.full");

        var snapshotText = await guest.GetStringAsync($"/checkin/{code}");
        foreach (var secret in new[] { "12345678Z", "C01X00T47", "1985-03-09", "anna@example.de", "1701234567", "Hauptstr" })
        {
            Assert.DoesNotContain(secret, snapshotText, StringComparison.Ordinal);
        }

        var bookings = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings"));
        Assert.NotEqual(JsonValueKind.Null, bookings.GetProperty("content")[0].GetProperty("checkin_completed_at").ValueKind);
    }

    [Fact]
    public async Task AGuestSendingTheWrongContentTypeIsToldSoNotAskedToAuthenticate()
    {
        var (_, _, code) = await NewBookingAsync();
        using var guest = factory.CreateClient();

        using var response = await guest.PostAsync(
            $"/v1/checkin/{code}/guests", new StringContent("<guest/>", System.Text.Encoding.UTF8, "application/xml"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task TheSnapshotShowsEachGuestsNameAndMaskedDocumentOnly()
    {
        var (_, _, code) = await NewBookingAsync();
        using var guest = factory.CreateClient();
        using var registered = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", SpanishAdult());

        var snapshot = await ReadAsync(await guest.GetAsync($"/v1/checkin/{code}"));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var shown = Assert.Single(snapshot.GetProperty("guests").EnumerateArray());
        Assert.Equal(
            ["document_number_masked", "first_name", "id", "last_name"],
            shown.EnumerateObject().Select(field => field.Name).Order());
    }

    [Fact]
    public async Task ABookingCannotExpectFewerGuestsThanHaveRegistered()
    {
        var (owner, propertyId, code) = await NewBookingAsync(adults: 2);
        using var guest = factory.CreateClient();
        using var registered = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", SpanishAdult());
        using var second = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", ForeignAdult());
        var bookings = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings"));
        var bookingId = bookings.GetProperty("content")[0].GetProperty("id").GetString();

        using var patch = await owner.PatchAsync(
            $"/v1/bookings/{bookingId}", new StringContent("""{"adults_count":1}""", System.Text.Encoding.UTF8, "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Conflict, "booking.guests_below_registered");
        Assert.Equal(2, (await ReadAsync(await guest.GetAsync($"/v1/checkin/{code}"))).GetProperty("guests_number").GetInt32());
    }

    [Fact]
    public async Task UnknownCodesAreNotFoundAndUnknownFieldsAreRejected()
    {
        using var guest = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await guest.GetAsync("/v1/checkin/no-such-code"), HttpStatusCode.NotFound, "checkin.not_found");
        await ProblemAssert.IsProblemAsync(
            await guest.PostAsJsonAsync("/v1/checkin/no-such-code/guests", SpanishAdult()), HttpStatusCode.NotFound, "checkin.not_found");

        var (owner, _, code) = await NewBookingAsync();
        using var _ = owner;
        var extra = SpanishAdult();
        extra["favourite_colour"] = "blue";
        using var response = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", extra);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ADeletedPropertysCheckinIsNotFound()
    {
        var (owner, propertyId, code) = await NewBookingAsync();
        using var _ = owner;
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/v1/properties/{propertyId}")).StatusCode);

        using var guest = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/v1/checkin/{code}"), HttpStatusCode.NotFound, "checkin.not_found");
    }

    [Fact]
    public async Task CheckinIsLimitedPerClientIp()
    {
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:RateLimits:PublicPerIpPerMinute"] = "3" });
        using var guest = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await guest.GetAsync($"/v1/checkin/guess-{i}");
        }

        var response = await guest.GetAsync("/v1/checkin/guess-4");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task TheGuestListShowsTheCallersGuestsOnly()
    {
        var (owner, propertyId, code) = await NewBookingAsync();
        using var _ = owner;
        using var guest = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", SpanishAdult())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", ForeignAdult())).StatusCode);
        await GuestsListedAsync(owner, 2);

        var page = await ReadAsync(await owner.GetAsync("/v1/guests?size=1"));
        Assert.Equal(2, page.GetProperty("total_elements").GetInt64());
        var newest = Assert.Single(page.GetProperty("content").EnumerateArray());
        Assert.Equal("Anna", newest.GetProperty("first_name").GetString());
        Assert.Equal(propertyId, newest.GetProperty("property_id").GetGuid());
        Assert.Equal("DEU", newest.GetProperty("nationality_country_code").GetString());
        Assert.Equal("PAS", newest.GetProperty("document_type").GetString());

        var found = await ReadAsync(await owner.GetAsync("/v1/guests?query=lucia"));
        Assert.Equal("Lucía", Assert.Single(found.GetProperty("content").EnumerateArray()).GetProperty("first_name").GetString());

        // A whole document number finds its guest; a part of one (which would unmask it a character at a time) finds nobody.
        Assert.Equal(1, (await ReadAsync(await owner.GetAsync("/v1/guests?query=12345678z"))).GetProperty("total_elements").GetInt64());
        foreach (var part in new[] { "1234", "12345678", "5678Z", "678" })
        {
            Assert.Equal(0, (await ReadAsync(await owner.GetAsync($"/v1/guests?query={part}"))).GetProperty("total_elements").GetInt64());
        }

        var text = await owner.GetStringAsync("/v1/guests");
        Assert.DoesNotContain("12345678Z", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1985-03-09", text, StringComparison.Ordinal);

        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var none = await ReadAsync(await stranger.GetAsync("/v1/guests"));
        Assert.Equal(0, none.GetProperty("total_elements").GetInt64());

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/v1/guests")).StatusCode);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync("/v1/guests?size=0"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task TheGuestListAsksNoBookingOrCalendar()
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var booking = await owner.CreateBookingAsync(propertyId, new { from = Arrival, to = Departure, adults_count = 2 });
        using var guest = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await guest.PostAsJsonAsync($"/v1/checkin/{booking.GetProperty("checkin_code").GetString()}/guests", SpanishAdult())).StatusCode);
        await GuestsListedAsync(owner, 1);

        var bookingGrain = factory.Grains.GetGrain<IBookingGrain>(booking.GetProperty("id").GetGuid()).GetGrainId();
        var calendarGrain = factory.Grains.GetGrain<IBookingCalendarGrain>(propertyId).GetGrainId();
        var (bookingCalls, calendarCalls) = (factory.GrainCalls.CallsTo(bookingGrain), factory.GrainCalls.CallsTo(calendarGrain));
        foreach (var query in new[] { "", "?query=lucia", "?query=12345678Z", "?query=ruiz&page=1&size=1" })
        {
            (await owner.GetAsync($"/v1/guests{query}")).EnsureSuccessStatusCode();
        }

        Assert.Equal(bookingCalls, factory.GrainCalls.CallsTo(bookingGrain));
        Assert.Equal(calendarCalls, factory.GrainCalls.CallsTo(calendarGrain));
    }

    // The property's guest index takes a registration after it is answered.
    private static Task GuestsListedAsync(HttpClient owner, int count) => ApiLocks.WaitUntilAsync(
        async () => (await ReadAsync(await owner.GetAsync("/v1/guests"))).GetProperty("total_elements").GetInt64() == count,
        $"the guest list shows {count} guests");
}
