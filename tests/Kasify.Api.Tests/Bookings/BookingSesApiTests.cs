using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.CheckIn;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Bookings;

/// <summary>
/// Through the API: an owner connects SES.HOSPEDAJES, books a stay on a registered establishment, the guests check in,
/// and the booking shows both communications accepted by the fake Ministry; guest corrections and their bad inputs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BookingSesApiTests(KasifyApiFactory factory)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(HttpClient Owner, Guid BookingId, string Code)> ReportingBookingAsync(int adults = 2, int children = 0, string? email = "ana@example.org")
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var fake = factory.Ses.State.Options;
        using (var connect = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", new
        {
            arrendador_code = fake.ArrendadorCode,
            username = fake.Username,
            password = fake.Password,
            environment = "test",
        }))
        {
            Assert.True(connect.IsSuccessStatusCode, await connect.Content.ReadAsStringAsync());
        }

        var propertyId = (await owner.CreatePropertyAsync(extra: new { ses_establishment_code = "0000000042", rooms_count = 2, has_internet = true })).GetProperty("id").GetGuid();
        var booking = await owner.CreateBookingAsync(propertyId, new
        {
            from = Day(20),
            to = Day(23),
            adults_count = adults,
            children_count = children,
            guest_first_name = "Ana",
            guest_last_name = "García",
            guest_email = email,
            payment_type = "TARJT",
        });
        return (owner, booking.GetProperty("id").GetGuid(), booking.GetProperty("checkin_code").GetString()!);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient owner, Guid bookingId, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var booking = await owner.GetFromJsonAsync<JsonElement>($"/v1/bookings/{bookingId}");
            if (done(booking))
            {
                return booking;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {Wait.TotalSeconds} s: {booking}");
            await Task.Delay(200);
        }
    }

    private static JsonElement Communication(JsonElement booking, string type) =>
        booking.GetProperty("ses_communications").EnumerateArray().Last(c => c.GetProperty("type").GetString() == type);

    [Fact]
    public async Task ACheckedInBookingReachesAcceptedWithItsCommunicationCodes()
    {
        var (owner, bookingId, code) = await ReportingBookingAsync();
        var anonymous = factory.CreateClient();

        var reported = await WaitForAsync(owner, bookingId, b => b.GetProperty("ses_status").GetString() == "accepted", "The booking report's acceptance");
        var report = Communication(reported, "RH");
        Assert.Equal("accepted", report.GetProperty("status").GetString());
        Assert.Equal(36, report.GetProperty("communication_code").GetString()!.Length);
        Assert.Equal(report.GetProperty("batch_id").GetString(), reported.GetProperty("ses_batch_id").GetString());
        Assert.Equal(JsonValueKind.String, reported.GetProperty("ses_submitted_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("ses_last_error").ValueKind);

        // The list carries the summary; only the booking's own endpoint lists the communications.
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/v1/bookings")).GetProperty("content").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == bookingId);
        Assert.Equal("accepted", listed.GetProperty("ses_status").GetString());
        Assert.False(listed.TryGetProperty("ses_communications", out _));

        (await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.SpanishAdult())).EnsureSuccessStatusCode();
        var second = await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.ForeignAdult());
        var snapshot = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(snapshot.GetProperty("checkin_completed").GetBoolean());

        var registered = await WaitForAsync(
            owner, bookingId, b => b.GetProperty("ses_communications").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "PV" && c.GetProperty("status").GetString() == "accepted"),
            "The guest register's acceptance");
        Assert.Equal("accepted", registered.GetProperty("ses_status").GetString());
        var register = Communication(registered, "PV");
        var guestIds = snapshot.GetProperty("guests").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()).Order().ToList();
        Assert.Equal(guestIds, register.GetProperty("guests").EnumerateArray().Select(g => g.GetProperty("guest_id").GetGuid()).Order());
        Assert.All(register.GetProperty("guests").EnumerateArray(), g => Assert.Equal("accepted", g.GetProperty("status").GetString()));
        var stored = factory.Ses.State.Communications.Where(c => c.Referencia == bookingId.ToString("N")).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Contains("<tipoPago>TARJT</tipoPago>", stored[0].Xml, StringComparison.Ordinal);

        var activity = await owner.GetFromJsonAsync<JsonElement>("/v1/timeline/activity?size=50");
        Assert.Equal(2, activity.GetProperty("content").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "ses_accepted" && e.GetProperty("booking_id").GetGuid() == bookingId));

        // The Ministry holds the register now: the guests can no longer change underneath it.
        var guestId = guestIds[0];
        var locked = await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{guestId}", CheckinApiTests.SpanishAdult());
        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.Conflict, "checkin.reported");
    }

    [Fact]
    public async Task CorrectingAGuestChecksLikeRegisteringAndNamesWhatIsWrong()
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var code = (await owner.CreateBookingAsync(propertyId, new { from = Day(30), to = Day(32), adults_count = 2 })).GetProperty("checkin_code").GetString()!;
        var anonymous = factory.CreateClient();
        var created = await (await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.SpanishAdult())).Content.ReadFromJsonAsync<JsonElement>();
        var guestId = created.GetProperty("guests")[0].GetProperty("id").GetGuid();

        var corrected = CheckinApiTests.SpanishAdult();
        corrected["first_name"] = "Lucia María";
        using (var ok = await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{guestId}", corrected))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var guest = Assert.Single((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guests").EnumerateArray());
            Assert.Equal((guestId, "Lucia María"), (guest.GetProperty("id").GetGuid(), guest.GetProperty("first_name").GetString()));
        }

        var broken = CheckinApiTests.SpanishAdult();
        broken["document_number"] = "12345678A";
        var invalid = await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{guestId}", broken), HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("document_number", out _), invalid.ToString());

        await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{Guid.NewGuid()}", corrected), HttpStatusCode.NotFound, "checkin.guest_not_found");
        await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsJsonAsync($"/v1/checkin/not-a-code/guests/{guestId}", corrected), HttpStatusCode.NotFound, "checkin.not_found");
        using var text = new StringContent("first_name=Lucia", Encoding.UTF8, "text/plain");
        await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsync($"/v1/checkin/{code}/guests/{guestId}", text), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        using var malformed = new StringContent("{\"first_name\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PutAsync($"/v1/checkin/{code}/guests/{guestId}", malformed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/not-a-guid", corrected)).StatusCode);

        // A booking of an account without SES reports nothing.
        var booking = (await owner.GetFromJsonAsync<JsonElement>("/v1/bookings")).GetProperty("content")[0];
        Assert.Equal("not_required", booking.GetProperty("ses_status").GetString());

        // A cancelled booking's check-in is closed to corrections too.
        using (var cancel = new HttpRequestMessage(HttpMethod.Patch, $"/v1/bookings/{booking.GetProperty("id").GetGuid()}")
        {
            Content = new StringContent("{\"status\":\"cancelled\"}", Encoding.UTF8, "application/merge-patch+json"),
        })
        {
            (await owner.SendAsync(cancel)).EnsureSuccessStatusCode();
        }

        await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{guestId}", corrected), HttpStatusCode.Conflict, "checkin.closed");
    }

    // Every communication the booking ever had, superseded ones included: a family must never have been refused.
    private static void NeverRejected(JsonElement booking) =>
        Assert.All(booking.GetProperty("ses_communications").EnumerateArray(), c => Assert.NotEqual("rejected", c.GetProperty("status").GetString()));

    private static JsonElement[] MissingData(JsonElement snapshot) => [.. snapshot.GetProperty("missing_data").EnumerateArray()];

    [Fact]
    public async Task AnAdultWithAChildDeclaredTheirSonIsReportedAsTheParentWithoutBeingAsked()
    {
        var (owner, bookingId, code) = await ReportingBookingAsync(adults: 1, children: 1);
        var anonymous = factory.CreateClient();

        var adult = await (await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.SpanishAdult())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(adult.GetProperty("checkin_completed").GetBoolean());
        using var child = await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.Child("HJ"));
        Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        var snapshot = await child.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(snapshot.GetProperty("checkin_completed").GetBoolean(), snapshot.ToString());

        var registered = await WaitForAsync(
            owner, bookingId, b => b.GetProperty("ses_communications").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "PV" && c.GetProperty("status").GetString() == "accepted"),
            "The family's guest register being accepted");
        NeverRejected(registered);
        Assert.Empty(MissingData(adult));
        Assert.Empty(MissingData(snapshot));
        var sent = Assert.Single(factory.Ses.State.Communications, c => c.Referencia == bookingId.ToString("N") && c.Xml.Contains("<rol>VI</rol>", StringComparison.Ordinal));
        Assert.Contains("<parentesco>PM</parentesco>", sent.Xml, StringComparison.Ordinal);
        Assert.Contains("<parentesco>HJ</parentesco>", sent.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFamilyCheckinWaitsForTheAdultsRelationshipThenReportsTheFamily()
    {
        var (owner, bookingId, code) = await ReportingBookingAsync(adults: 1, children: 1);
        var anonymous = factory.CreateClient();
        var adult = await (await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.SpanishAdult())).Content.ReadFromJsonAsync<JsonElement>();
        var adultId = Assert.Single(adult.GetProperty("guests").EnumerateArray()).GetProperty("id").GetGuid();

        // "Other" says nothing about what the adult is to the child (a guardian? a friend?): nobody guesses it.
        using (var child = await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.Child("OT")))
        {
            Assert.Equal(HttpStatusCode.Created, child.StatusCode);
            var waiting = await child.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(waiting.GetProperty("checkin_completed").GetBoolean());
            var missing = Assert.Single(MissingData(waiting));
            Assert.Equal(
                (adultId, "relationship_code", "checkin.adult_relationship_required"),
                (missing.GetProperty("guest_id").GetGuid(), missing.GetProperty("field").GetString(), missing.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(missing.GetProperty("message").GetString()));
        }

        var shown = await anonymous.GetFromJsonAsync<JsonElement>($"/v1/checkin/{code}");
        Assert.False(shown.GetProperty("checkin_completed").GetBoolean());
        Assert.Equal(adultId, Assert.Single(MissingData(shown)).GetProperty("guest_id").GetGuid());
        await ProblemAssert.IsProblemAsync(
            await anonymous.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.ForeignAdult()), HttpStatusCode.Conflict, "checkin.full");
        var reported = await WaitForAsync(owner, bookingId, b => b.GetProperty("ses_status").GetString() == "accepted", "The booking report's acceptance");
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("checkin_completed_at").ValueKind);
        Assert.DoesNotContain(reported.GetProperty("ses_communications").EnumerateArray(), c => c.GetProperty("type").GetString() == "PV");

        var unknown = CheckinApiTests.SpanishAdult();
        unknown["relationship_code"] = "XX";
        var invalid = await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{adultId}", unknown), HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("relationship_code", out _), invalid.ToString());

        var guardian = CheckinApiTests.SpanishAdult();
        guardian["relationship_code"] = "TU";
        using (var corrected = await anonymous.PutAsJsonAsync($"/v1/checkin/{code}/guests/{adultId}", guardian))
        {
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
            var complete = await corrected.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(complete.GetProperty("checkin_completed").GetBoolean());
            Assert.Empty(MissingData(complete));
        }

        var registered = await WaitForAsync(
            owner, bookingId, b => b.GetProperty("ses_communications").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "PV" && c.GetProperty("status").GetString() == "accepted"),
            "The family's guest register being accepted");
        NeverRejected(registered);
        Assert.Equal("accepted", registered.GetProperty("ses_status").GetString());
        var sent = Assert.Single(factory.Ses.State.Communications, c => c.Referencia == bookingId.ToString("N") && c.Xml.Contains("<rol>VI</rol>", StringComparison.Ordinal));
        Assert.Contains("<parentesco>TU</parentesco>", sent.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABookingWithoutContactIsIncompleteUntilItGetsOneThenItsReportIsSent()
    {
        var (owner, bookingId, _) = await ReportingBookingAsync(email: null);

        var incomplete = await WaitForAsync(owner, bookingId, b => b.GetProperty("ses_status").GetString() == "incomplete", "The booking report waiting for a contact");
        Assert.Equal(["guest_email", "guest_phone"], incomplete.GetProperty("ses_missing_fields").EnumerateArray().Select(f => f.GetString()));
        var report = Communication(incomplete, "RH");
        Assert.Equal(("incomplete", "ses.incomplete", 0), (report.GetProperty("status").GetString(), report.GetProperty("error_code").GetString(), report.GetProperty("attempts").GetInt32()));
        Assert.Equal(["guest_email", "guest_phone"], report.GetProperty("missing_fields").EnumerateArray().Select(f => f.GetString()));
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/v1/bookings")).GetProperty("content").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == bookingId);
        Assert.Equal(("incomplete", 2), (listed.GetProperty("ses_status").GetString(), listed.GetProperty("ses_missing_fields").GetArrayLength()));
        Assert.DoesNotContain(factory.Ses.State.Communications, c => c.Referencia == bookingId.ToString("N"));

        // A bad patch changes nothing; a phone lets the report go.
        using (var bad = await owner.PatchAsync($"/v1/bookings/{bookingId}", new StringContent("""{"guest_phone":"call me"}""", Encoding.UTF8, "application/merge-patch+json")))
        {
            await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "validation.failed");
        }

        using (var patch = await owner.PatchAsync($"/v1/bookings/{bookingId}", new StringContent("""{"guest_phone":"+34 600 111 222"}""", Encoding.UTF8, "application/merge-patch+json")))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        var accepted = await WaitForAsync(owner, bookingId, b => b.GetProperty("ses_status").GetString() == "accepted", "The completed booking report's acceptance");
        Assert.Empty(accepted.GetProperty("ses_missing_fields").EnumerateArray());
        var sent = Assert.Single(accepted.GetProperty("ses_communications").EnumerateArray());
        Assert.Equal(("accepted", 1), (sent.GetProperty("status").GetString(), sent.GetProperty("attempts").GetInt32()));
        Assert.Empty(sent.GetProperty("missing_fields").EnumerateArray());
        Assert.Contains("<telefono>+34 600 111 222</telefono>", Assert.Single(factory.Ses.State.Communications, c => c.Referencia == bookingId.ToString("N")).Xml, StringComparison.Ordinal);

        var feed = (await owner.GetFromJsonAsync<JsonElement>("/v1/timeline/activity?size=100")).GetProperty("content").EnumerateArray()
            .Where(e => e.GetProperty("booking_id").ValueKind == JsonValueKind.String && e.GetProperty("booking_id").GetGuid() == bookingId).ToList();
        var announced = Assert.Single(feed, e => e.GetProperty("kind").GetString() == "ses_incomplete");
        var summary = announced.GetProperty("summary").GetString()!;
        Assert.Contains("guest_email", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(feed, e => e.GetProperty("kind").GetString() == "ses_rejected");
    }
}
