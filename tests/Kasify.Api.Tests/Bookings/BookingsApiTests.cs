using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Bookings;

[Collection(ApiCollection.Name)]
public sealed class BookingsApiTests(KasifyApiFactory factory)
{
    /// <summary>Registers the client's user and creates a property it owns.</summary>
    private static async Task<Guid> RegisterWithPropertyAsync(HttpClient owner)
    {
        await owner.RegisterAsync();
        return (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static StringContent Json(string body, string contentType = "application/json") => new(body, Encoding.UTF8, contentType);

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("content").EnumerateArray().Select(booking => booking.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ABookingCanBeCreatedReadPatchedAndListed()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);

        using var create = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/bookings", new
        {
            from = "2030-07-01",
            to = "2030-07-08",
            channel = "airbnb",
            channel_id = "HM123",
            payment_type = "PLATF",
            guest_first_name = "Ana",
            guest_last_name = "García",
            guest_email = "ana@example.org",
            adults_count = 2,
            children_count = 1,
            arrival_time = "18:30",
        });
        var created = await ReadAsync(create);
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal($"/v1/bookings/{id}", create.Headers.Location?.OriginalString);
        Assert.Equal(
            ["id", "from", "to", "channel", "channel_id", "checkin_code", "status", "created_at", "payment_type", "notes", "guest_first_name",
             "guest_last_name", "guest_email", "guest_phone", "adults_count", "children_count", "infants_count", "special_requests",
             "arrival_time", "departure_time", "checkin_time", "checkout_time", "checkin_completed_at", "last_sync_at", "ses_submitted_at",
             "ses_batch_id", "ses_last_attempt_at", "ses_last_error", "ses_status", "ses_missing_fields", "property_id", "guests_number", "arrival_at", "departure_at",
             "updated_at", "source"],
            created.EnumerateObject().Select(field => field.Name));
        Assert.Equal("not_required", created.GetProperty("ses_status").GetString());
        Assert.Equal("2030-07-01", created.GetProperty("from").GetString());
        Assert.Equal("airbnb", created.GetProperty("channel").GetString());
        Assert.Equal("confirmed", created.GetProperty("status").GetString());
        Assert.Equal("PLATF", created.GetProperty("payment_type").GetString());
        Assert.Equal("18:30", created.GetProperty("arrival_time").GetString());
        Assert.Equal(3, created.GetProperty("guests_number").GetInt32());
        Assert.Equal(propertyId, created.GetProperty("property_id").GetGuid());
        Assert.Equal("2030-07-01T18:30:00+02:00", created.GetProperty("arrival_at").GetString());
        Assert.Equal("2030-07-08T11:00:00+02:00", created.GetProperty("departure_at").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{24}$", created.GetProperty("checkin_code").GetString());

        using var read = await owner.GetAsync($"/bookings/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readBack = await ReadAsync(read);

        // The booking's own endpoint adds its SES.HOSPEDAJES communications (none for an account without SES).
        Assert.Empty(readBack.GetProperty("ses_communications").EnumerateArray());
        Assert.Equal(
            created.EnumerateObject().Select(field => (field.Name, field.Value.GetRawText())),
            readBack.EnumerateObject().Where(field => field.Name != "ses_communications").Select(field => (field.Name, field.Value.GetRawText())));

        using var patch = await owner.PatchAsync(
            $"/v1/bookings/{id}", Json("""{"to":"2030-07-09","guest_email":null,"notes":"Late arrival","infants_count":1}""", "application/merge-patch+json"));
        var patched = await ReadAsync(patch);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("2030-07-09", patched.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("guest_email").ValueKind);
        Assert.Equal("Late arrival", patched.GetProperty("notes").GetString());
        Assert.Equal(4, patched.GetProperty("guests_number").GetInt32());
        Assert.Equal("Ana", patched.GetProperty("guest_first_name").GetString());
        Assert.Equal(created.GetProperty("checkin_code").GetString(), patched.GetProperty("checkin_code").GetString());

        var list = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings"));
        Assert.Equal(1, list.GetProperty("total_elements").GetInt64());
        Assert.Equal(0, list.GetProperty("page").GetInt32());
        Assert.Equal(20, list.GetProperty("size").GetInt32());
        Assert.Equal(1, list.GetProperty("total_pages").GetInt32());
        Assert.Equal(patched.ToString(), Assert.Single(list.GetProperty("content").EnumerateArray()).ToString());
    }

    [Fact]
    public async Task DefaultsFillWhatTheRequestLeavesOut()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);

        var created = await owner.CreateBookingAsync(propertyId, new { from = "2030-03-27", to = "2030-03-31" });

        Assert.Equal("manual", created.GetProperty("channel").GetString());
        Assert.Equal("confirmed", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("adults_count").GetInt32());
        Assert.Equal(0, created.GetProperty("children_count").GetInt32());
        Assert.Equal(1, created.GetProperty("guests_number").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("payment_type").ValueKind);

        // The stay crosses the spring DST change (Sunday 31 March 2030): winter time on arrival, summer time on departure.
        Assert.Equal("2030-03-27T15:00:00+01:00", created.GetProperty("arrival_at").GetString());
        Assert.Equal("2030-03-31T11:00:00+02:00", created.GetProperty("departure_at").GetString());
    }

    [Theory]
    [InlineData("""{"to":"2030-07-08"}""", "from")]
    [InlineData("""{"from":"2030-07-08","to":"2030-07-08"}""", "to")]
    [InlineData("""{"from":"2030-07-08","to":"2030-07-01"}""", "to")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","adults_count":-1}""", "adults_count")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","children_count":-2}""", "children_count")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","adults_count":0}""", "guests_number")]
    [InlineData("""{"from":"01/07/2030","to":"2030-07-08"}""", "from")]
    [InlineData("""{"from":"2030-02-30","to":"2030-07-08"}""", "from")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","channel":"fax"}""", "channel")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","status":"pending"}""", "status")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","payment_type":"BITCOIN"}""", "payment_type")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","arrival_time":"6pm"}""", "arrival_time")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","guest_email":"nobody"}""", "guest_email")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","adults_count":"two"}""", "adults_count")]
    [InlineData("""{"from":"2030-07-01","to":"2030-07-08","colour":"blue"}""", "colour")]
    public async Task InvalidBookingsAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);

        using var response = await owner.PostAsync($"/v1/properties/{propertyId}/bookings", Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(0, (await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings"))).GetProperty("total_elements").GetInt64());
    }

    [Fact]
    public async Task OverlappingNightsAreAConflictNamingTheBookingInTheWay()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var first = (await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-08" })).GetProperty("id").GetString();

        using var overlap = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/bookings", new { from = "2030-07-07", to = "2030-07-10" });
        var turnover = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-08", to = "2030-07-10" });
        using var move = await owner.PatchAsync($"/v1/bookings/{turnover.GetProperty("id").GetString()}", Json("""{"from":"2030-07-05"}"""));

        var problem = await ProblemAssert.IsProblemAsync(overlap, HttpStatusCode.Conflict, "booking.overlap");
        Assert.Equal(first, problem.GetProperty("conflicting_booking_id").GetString());
        Assert.Contains(first!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var moveProblem = await ProblemAssert.IsProblemAsync(move, HttpStatusCode.Conflict, "booking.overlap");
        Assert.Equal(first, moveProblem.GetProperty("conflicting_booking_id").GetString());
    }

    [Fact]
    public async Task CancellingFreesTheDates()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var first = (await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-08" })).GetProperty("id").GetString();

        using var cancel = await owner.PatchAsync($"/v1/bookings/{first}", Json("""{"status":"cancelled"}"""));
        var second = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-02", to = "2030-07-04" });
        using var reconfirm = await owner.PatchAsync($"/v1/bookings/{first}", Json("""{"status":"confirmed"}"""));

        Assert.Equal("cancelled", (await ReadAsync(cancel)).GetProperty("status").GetString());
        var problem = await ProblemAssert.IsProblemAsync(reconfirm, HttpStatusCode.Conflict, "booking.overlap");
        Assert.Equal(second.GetProperty("id").GetString(), problem.GetProperty("conflicting_booking_id").GetString());
    }

    [Fact]
    public async Task APropertysBookingsArePagedFilteredAndSorted()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var a = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-10", channel = "airbnb", guest_last_name = "Núñez" });
        var b = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-10", to = "2030-07-12", channel = "booking", guest_email = "bob@example.org" });
        var c = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-12", to = "2030-07-20", channel = "airbnb", notes = "VIP guest" });
        var d = await owner.CreateBookingAsync(propertyId, new { from = "2030-08-01", to = "2030-08-03", channel = "vrbo", status = "cancelled" });
        string Id(JsonElement booking) => booking.GetProperty("id").GetString()!;
        async Task<JsonElement> ListAsync(string query) => await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings?{query}"));

        var firstPage = await ListAsync("size=2");
        var secondPage = await ListAsync("size=2&page=1");
        var byCheckoutDescending = await ListAsync("sortBy=CHECKOUT&sortDescending=true");
        var airbnb = await ListAsync("channel=airbnb");
        var july = await ListAsync("from=2030-07-10&to=2030-07-31");
        var searched = await ListAsync("query=nunez");
        var byEmail = await ListAsync("query=BOB%40example");
        var byNotes = await ListAsync("query=vip");

        Assert.Equal([Id(a), Id(b)], Ids(firstPage));
        Assert.Equal(4, firstPage.GetProperty("total_elements").GetInt64());
        Assert.Equal(2, firstPage.GetProperty("total_pages").GetInt32());
        Assert.Equal([Id(c), Id(d)], Ids(secondPage));
        Assert.Equal([Id(d), Id(c), Id(b), Id(a)], Ids(byCheckoutDescending));
        Assert.Equal([Id(a), Id(c)], Ids(airbnb));
        Assert.Equal([Id(b), Id(c)], Ids(july));
        Assert.Equal([Id(a)], Ids(searched));
        Assert.Equal([Id(b)], Ids(byEmail));
        Assert.Equal([Id(c)], Ids(byNotes));
    }

    [Theory]
    [InlineData("page=-1", "page")]
    [InlineData("size=0", "size")]
    [InlineData("size=101", "size")]
    [InlineData("from=2030-13-01", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("channel=fax", "channel")]
    [InlineData("sortBy=NAME", "sortBy")]
    [InlineData("sortDescending=maybe", "sortDescending")]
    public async Task BadListParametersAreFieldErrors(string query, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);

        using var forProperty = await owner.GetAsync($"/v1/properties/{propertyId}/bookings?{query}");
        using var acrossProperties = await owner.GetAsync($"/v1/bookings?{query}");

        foreach (var response in new[] { forProperty, acrossProperties })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }

    [Fact]
    public async Task SeveralBadListParametersAreReportedTogether()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.GetAsync("/v1/bookings?page=x&propertyId=not-a-uuid&sortBy=NAME");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["page", "propertyId", "sortBy"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task TheListAcrossPropertiesMergesTheCallersPropertiesOnly()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var first = await RegisterWithPropertyAsync(owner);
        var second = (await owner.CreatePropertyAsync("Casa Verde")).GetProperty("id").GetGuid();
        using var other = factory.CreateAuthenticatedClient();
        var othersProperty = await RegisterWithPropertyAsync(other);
        var a = await owner.CreateBookingAsync(first, new { from = "2030-07-01", to = "2030-07-05" });
        var b = await owner.CreateBookingAsync(second, new { from = "2030-07-03", to = "2030-07-04" });
        var c = await owner.CreateBookingAsync(first, new { from = "2030-07-05", to = "2030-07-09" });
        var d = await owner.CreateBookingAsync(second, new { from = "2030-07-06", to = "2030-07-07" });
        await other.CreateBookingAsync(othersProperty, new { from = "2030-07-02", to = "2030-07-03" });
        string Id(JsonElement booking) => booking.GetProperty("id").GetString()!;

        var all = await ReadAsync(await owner.GetAsync("/v1/bookings"));
        var secondPage = await ReadAsync(await owner.GetAsync("/v1/bookings?size=3&page=1"));
        var byCheckout = await ReadAsync(await owner.GetAsync("/v1/bookings?sortBy=CHECKOUT&sortDescending=true&size=2"));
        var onlySecond = await ReadAsync(await owner.GetAsync($"/v1/bookings?propertyId={second}"));
        var notMine = await ReadAsync(await owner.GetAsync($"/v1/bookings?propertyId={othersProperty}"));
        var theOthers = await ReadAsync(await other.GetAsync("/v1/bookings"));

        Assert.Equal([Id(a), Id(b), Id(c), Id(d)], Ids(all));
        Assert.Equal(4, all.GetProperty("total_elements").GetInt64());
        Assert.Equal([Id(d)], Ids(secondPage));
        Assert.Equal(2, secondPage.GetProperty("total_pages").GetInt32());
        Assert.Equal([Id(c), Id(d)], Ids(byCheckout));
        Assert.Equal(4, byCheckout.GetProperty("total_elements").GetInt64());
        Assert.Equal([Id(b), Id(d)], Ids(onlySecond));
        Assert.Empty(Ids(notMine));
        Assert.Equal(0, notMine.GetProperty("total_elements").GetInt64());
        Assert.Single(Ids(theOthers));
        Assert.DoesNotContain(Ids(theOthers), id => id == Id(a) || id == Id(b) || id == Id(c) || id == Id(d));
    }

    [Fact]
    public async Task TheCurrentBookingIsTheStayInProgressNow()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, madrid).DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var none = await owner.GetAsync($"/v1/properties/{propertyId}/bookings/current");
        await owner.CreateBookingAsync(propertyId, new { from = Day(1), to = Day(3) });
        var current = await owner.CreateBookingAsync(propertyId, new { from = Day(-1), to = Day(1) });
        using var found = await owner.GetAsync($"/v1/properties/{propertyId}/bookings/current");

        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.NotFound, "booking.none_current");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(current.GetProperty("id").GetString(), (await ReadAsync(found)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AStrangerGetsNotFoundOnEveryBookingEndpoint()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-05", guest_first_name = "Ana" });
        var bookingId = booking.GetProperty("id").GetString();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();

        using var create = await stranger.PostAsJsonAsync($"/v1/properties/{propertyId}/bookings", new { from = "2030-08-01", to = "2030-08-05" });
        using var list = await stranger.GetAsync($"/v1/properties/{propertyId}/bookings");
        using var current = await stranger.GetAsync($"/v1/properties/{propertyId}/bookings/current");
        using var get = await stranger.GetAsync($"/v1/bookings/{bookingId}");
        using var patch = await stranger.PatchAsync($"/v1/bookings/{bookingId}", Json("""{"status":"cancelled"}"""));
        using var unknown = await owner.GetAsync($"/v1/bookings/{Guid.NewGuid()}");
        using var patchUnknown = await owner.PatchAsync($"/v1/bookings/{Guid.NewGuid()}", Json("""{"notes":"x"}"""));
        var all = await ReadAsync(await stranger.GetAsync("/v1/bookings"));
        var filtered = await ReadAsync(await stranger.GetAsync($"/v1/bookings?propertyId={propertyId}"));

        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(current, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "booking.not_found");
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.NotFound, "booking.not_found");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "booking.not_found");
        await ProblemAssert.IsProblemAsync(patchUnknown, HttpStatusCode.NotFound, "booking.not_found");
        Assert.Empty(Ids(all));
        Assert.Empty(Ids(filtered));
        var unchanged = await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}"));
        Assert.Equal("confirmed", unchanged.GetProperty("status").GetString());
        Assert.Equal(1, (await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/bookings"))).GetProperty("total_elements").GetInt64());
    }

    [Fact]
    public async Task APatchIsAJsonMergePatchOfWritableFields()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var propertyId = await RegisterWithPropertyAsync(owner);
        var id = (await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-05" })).GetProperty("id").GetString();

        using var wrongType = await owner.PatchAsync($"/v1/bookings/{id}", new StringContent("notes=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var malformed = await owner.PatchAsync($"/v1/bookings/{id}", Json("{\"notes\":", "application/merge-patch+json"));
        using var readOnly = await owner.PatchAsync($"/v1/bookings/{id}", Json("""{"checkin_code":"mine","guests_number":4,"colour":"blue"}"""));
        using var cleared = await owner.PatchAsync($"/v1/bookings/{id}", Json("""{"from":null,"adults_count":null,"to":"2030-06-01"}"""));
        using var badValue = await owner.PatchAsync($"/v1/bookings/{id}", Json("""{"channel":"fax","arrival_time":"late"}"""));

        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        Assert.True((await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors").TryGetProperty("body", out _));
        var readOnlyErrors = (await ProblemAssert.IsProblemAsync(readOnly, HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors");
        Assert.Equal(["checkin_code", "colour", "guests_number"], readOnlyErrors.EnumerateObject().Select(error => error.Name).Order());
        var clearedErrors = (await ProblemAssert.IsProblemAsync(cleared, HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors");
        Assert.Equal(["adults_count", "from"], clearedErrors.EnumerateObject().Select(error => error.Name).Order());
        var badErrors = (await ProblemAssert.IsProblemAsync(badValue, HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors");
        Assert.Equal(["arrival_time", "channel"], badErrors.EnumerateObject().Select(error => error.Name).Order());
        Assert.Equal("2030-07-05", (await ReadAsync(await owner.GetAsync($"/v1/bookings/{id}"))).GetProperty("to").GetString());
    }
}
