using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Tests.AccessCodes;

[Collection(ApiCollection.Name)]
public sealed class AccessCodesApiTests(KasifyApiFactory factory)
{
    private const string Zone = "Europe/Madrid";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>An owner with a property holding <paramref name="locks"/> assigned Nuki locks and a booking from tomorrow for three nights.</summary>
    private async Task<Stay> ArrangeAsync(int locks = 2)
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockIds = Enumerable.Range(1, locks).Select(i => factory.SeedNukiLock(token, $"Door {i}")).ToArray();
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        foreach (var smartlockId in smartlockIds)
        {
            await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        }

        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(3)) });
        return new Stay(owner, propertyId, booking.GetProperty("id").GetGuid(), smartlockIds);
    }

    private bool IsOnLock(long smartlockId, string code) =>
        factory.Nuki.State.CodesOn(smartlockId).Any(auth => auth.Code.ToString(CultureInfo.InvariantCulture) == code);

    [Fact]
    public async Task CodesArePutOnEveryLockConfirmedByTheVendorAndCreatedOnlyOnce()
    {
        using var stay = await ArrangeAsync();
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);
        var booking = await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}"));

        using var create = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
        var created = await create.ReadSuccessAsync();

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal(["booking_id", "codes", "failed_smartlocks"], created.EnumerateObject().Select(field => field.Name));
        Assert.Equal(bookingId, created.GetProperty("booking_id").GetGuid());
        Assert.Empty(created.GetProperty("failed_smartlocks").EnumerateArray());
        var codes = created.GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal(2, codes.Count);
        Assert.Equal(
            ["id", "smartlock_id", "name", "code", "valid_from", "valid_to", "status", "last_error"],
            codes[0].EnumerateObject().Select(field => field.Name));
        Assert.Equal(["Door 1", "Door 2"], codes.Select(code => code.GetProperty("name").GetString()).Order());
        foreach (var code in codes)
        {
            Assert.Matches("^[1-9]{6}$", code.GetProperty("code").GetString());
            Assert.DoesNotMatch("^12", code.GetProperty("code").GetString());
            Assert.Equal(booking.GetProperty("arrival_at").GetDateTimeOffset(), code.GetProperty("valid_from").GetDateTimeOffset());
            Assert.Equal(booking.GetProperty("departure_at").GetDateTimeOffset(), code.GetProperty("valid_to").GetDateTimeOffset());
            Assert.Contains(code.GetProperty("status").GetString(), new[] { "pending", "active" });
        }

        using var again = await owner.PostAsync($"/bookings/{bookingId}/accesscode", null);
        var repeated = await again.ReadSuccessAsync();
        Assert.Equal(
            codes.Select(code => (code.GetProperty("id").GetGuid(), code.GetProperty("code").GetString())).Order(),
            repeated.GetProperty("codes").EnumerateArray().Select(code => (code.GetProperty("id").GetGuid(), code.GetProperty("code").GetString())).Order());

        await ApiLocks.WaitUntilAsync(
            async () => (await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes").EnumerateArray()
                .All(code => code.GetProperty("status").GetString() == "active"),
            "both codes are active");
        foreach (var (smartlockId, code) in smartlockIds.Zip(smartlockIds.Select(id => codes.Select(c => c.GetProperty("code").GetString()!).Single(pin => IsOnLock(id, pin)))))
        {
            Assert.Single(factory.Nuki.State.CodesOn(smartlockId));
            Assert.True(IsOnLock(smartlockId, code));
        }

        var listed = await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"));
        Assert.Equal(codes.Select(code => code.GetProperty("id").GetGuid()).Order(), ApiLocks.Ids(listed.GetProperty("codes")).Order());
        Assert.All(
            (await ReadAsync(await owner.GetAsync($"/v1/properties/{(await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}"))).GetProperty("property_id").GetGuid()}/smartlocks"))).GetProperty("smartlocks").EnumerateArray(),
            smartLock => Assert.Equal(1, smartLock.GetProperty("active_codes").GetInt32()));
    }

    [Fact]
    public async Task RevokingOneCodeRemovesItFromTheLock()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);
        var code = (await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync()).GetProperty("codes")[0];
        var pin = code.GetProperty("code").GetString()!;
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(IsOnLock(smartlockIds[0], pin)), "the code is on the lock");

        using var revoke = await owner.DeleteAsync($"/v1/bookings/{bookingId}/accesscode/{code.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(!IsOnLock(smartlockIds[0], pin)), "the code is gone from the lock");
        var after = (await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes").EnumerateArray()
            .Where(item => item.GetProperty("id").GetGuid() == code.GetProperty("id").GetGuid())
            .Select(item => item.GetProperty("status").GetString())
            .ToList();
        Assert.All(after, status => Assert.Contains(status, new[] { "revoking", "revoked" }));
    }

    [Fact]
    public async Task CancellingTheBookingRevokesItsCodesAtTheVendor()
    {
        using var stay = await ArrangeAsync();
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);
        var pins = (await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync()).GetProperty("codes")
            .EnumerateArray().Select(code => code.GetProperty("code").GetString()!).ToList();
        await ApiLocks.WaitUntilAsync(
            () => Task.FromResult(smartlockIds.All(id => factory.Nuki.State.CodesOn(id).Count == 1)), "both codes are on their locks");

        using var cancel = await owner.PatchAsync($"/v1/bookings/{bookingId}", Json("""{"status":"cancelled"}"""));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        await ApiLocks.WaitUntilAsync(
            () => Task.FromResult(smartlockIds.All(id => factory.Nuki.State.CodesOn(id).Count == 0)), "the cancelled booking's codes are gone from the locks");
        Assert.All(pins, pin => Assert.DoesNotContain(smartlockIds, id => IsOnLock(id, pin)));
        using var again = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "booking.cancelled");
    }

    [Fact]
    public async Task AnOfflineLockLeavesItsCodePendingWithoutFailingTheRequest()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var online = factory.SeedNukiLock(token, "Online");
        var offline = factory.SeedNukiLock(token, "Offline", offline: true);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(propertyId, integrationId, online);
        await owner.AssignNukiLockAsync(propertyId, integrationId, offline);
        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var bookingId = (await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(2)) })).GetProperty("id").GetGuid();

        using var create = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
        var created = await create.ReadSuccessAsync();

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var byLock = created.GetProperty("codes").EnumerateArray().ToDictionary(code => code.GetProperty("name").GetString()!);
        var failed = created.GetProperty("failed_smartlocks").EnumerateArray().ToList();
        Assert.Equal(2, byLock.Count + failed.Count);
        Assert.True(byLock.ContainsKey("Online"), created.ToString());
        if (byLock.TryGetValue("Offline", out var pending))
        {
            Assert.Equal("pending", pending.GetProperty("status").GetString());
        }
        else
        {
            var failure = Assert.Single(failed);
            Assert.Equal(["smartlock_id", "name", "error", "message"], failure.EnumerateObject().Select(field => field.Name));
            Assert.Equal("Offline", failure.GetProperty("name").GetString());
        }

        await ApiLocks.WaitUntilAsync(
            () => Task.FromResult(IsOnLock(online, byLock["Online"].GetProperty("code").GetString()!)), "the online lock holds its code");
        Assert.Empty(factory.Nuki.State.CodesOn(offline));
    }

    [Fact]
    public async Task AFailingVendorLeavesCodesPendingAndTheyArriveWhenItRecovers()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);

        JsonElement created;
        factory.Nuki.State.Options.ErrorRate = 1;
        try
        {
            using var create = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
            created = await create.ReadSuccessAsync();
        }
        finally
        {
            factory.Nuki.State.Options.ErrorRate = 0;
        }

        var code = Assert.Single(created.GetProperty("codes").EnumerateArray());
        Assert.Equal("pending", code.GetProperty("status").GetString());
        Assert.StartsWith("vendor.", code.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        var pin = code.GetProperty("code").GetString()!;
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(IsOnLock(smartlockIds[0], pin)), "the retried code is on the lock");
        await ApiLocks.WaitUntilAsync(
            async () => (await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes")[0].GetProperty("status").GetString() == "active",
            "the retried code is active");
    }

    [Fact]
    public async Task ConcurrentRequestsForABookingsCodesGetTheSameCodes()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)));

        var codes = new HashSet<(Guid, string?)>();
        foreach (var response in responses)
        {
            using (response)
            {
                var code = Assert.Single((await response.ReadSuccessAsync()).GetProperty("codes").EnumerateArray());
                codes.Add((code.GetProperty("id").GetGuid(), code.GetProperty("code").GetString()));
            }
        }

        Assert.Single(codes);
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(factory.Nuki.State.CodesOn(smartlockIds[0]).Count == 1), "the code is on the lock");
        await Task.Delay(500);
        Assert.Single(factory.Nuki.State.CodesOn(smartlockIds[0]));
    }

    [Fact]
    public async Task ChangingTheBookingsDatesMovesItsCodesAtTheVendor()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId, smartlockIds) = (stay.Owner, stay.BookingId, stay.SmartlockIds);
        var pin = (await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync()).GetProperty("codes")[0].GetProperty("code").GetString()!;
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(IsOnLock(smartlockIds[0], pin)), "the code is on the lock");
        var later = ApiResponses.Today(Zone).AddDays(10);

        using var move = await owner.PatchAsync($"/v1/bookings/{bookingId}", Json($$"""{"from":"{{ApiResponses.Day(later)}}","to":"{{ApiResponses.Day(later.AddDays(2))}}"}"""));
        var moved = await move.ReadSuccessAsync();

        var arrival = moved.GetProperty("arrival_at").GetDateTimeOffset();
        var departure = moved.GetProperty("departure_at").GetDateTimeOffset();
        await ApiLocks.WaitUntilAsync(
            () => Task.FromResult(factory.Nuki.State.CodesOn(smartlockIds[0]).Any(auth => auth.AllowedFromDate == arrival && auth.AllowedUntilDate == departure)),
            "the code's window at the lock is the new stay");
        var code = (await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes")[0];
        Assert.Equal(pin, code.GetProperty("code").GetString());
        Assert.Equal(arrival, code.GetProperty("valid_from").GetDateTimeOffset());
        Assert.Equal(departure, code.GetProperty("valid_to").GetDateTimeOffset());
    }

    [Fact]
    public async Task AUnifiDoorGetsAVisitorPinForTheStay()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var integrationId = (await owner.ConnectUnifiAsync(factory)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        using var assign = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, door_id = Kasify.Fakes.UniFi.UniFiFakeSeed.MainDoorId });
        await assign.ReadSuccessAsync();
        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var bookingId = (await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(2)) })).GetProperty("id").GetGuid();

        var created = await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync();

        var code = Assert.Single(created.GetProperty("codes").EnumerateArray());
        Assert.Empty(created.GetProperty("failed_smartlocks").EnumerateArray());
        var pin = code.GetProperty("code").GetString();
        Assert.Contains(factory.UniFi.Console.Visitors(), visitor => visitor.Pin == pin && !visitor.Cancelled && visitor.DoorIds.Contains(Kasify.Fakes.UniFi.UniFiFakeSeed.MainDoorId));
        Assert.DoesNotContain(Kasify.Fakes.UniFi.UniFiFakeSeed.Token, created.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post", "")]
    [InlineData("get", "")]
    [InlineData("delete", "/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task AnUnknownBookingIsNotFound(string method, string suffix)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/v1/bookings/{Guid.NewGuid()}/accesscode{suffix}"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "booking.not_found");
    }

    [Fact]
    public async Task RevokingACodeOfAnotherBookingIsNotFound()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId) = (stay.Owner, stay.BookingId);
        await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync();

        using var response = await owner.DeleteAsync($"/v1/bookings/{bookingId}/accesscode/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "accesscode.not_found");
    }

    [Fact]
    public async Task OnlyOwnersAndManagersHandleCodesAndStrangersSeeNoBooking()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var manager = factory.CreateAuthenticatedClient();
        var managerId = await manager.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = await factory.CreatePropertyWithCrewAsync(
            ownerId, "Crewed", Zone, (managerId, AccessLevel.Manager), (staffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));
        await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var bookingId = (await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(2)) })).GetProperty("id").GetGuid();

        var created = await (await manager.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync();
        var codeId = created.GetProperty("codes")[0].GetProperty("id").GetGuid();

        foreach (var crew in new[] { staff, contractor })
        {
            using var create = await crew.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
            await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "accesscode.forbidden");
            using var read = await crew.GetAsync($"/v1/bookings/{bookingId}/accesscode");
            await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, "accesscode.forbidden");
            using var revoke = await crew.DeleteAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}");
            await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.Forbidden, "accesscode.forbidden");
        }

        using var strangerCreate = await stranger.PostAsync($"/v1/bookings/{bookingId}/accesscode", null);
        await ProblemAssert.IsProblemAsync(strangerCreate, HttpStatusCode.NotFound, "booking.not_found");
        Assert.Equal([codeId], ApiLocks.Ids((await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes")));
    }

    [Fact]
    public async Task AMalformedCodeIdIsNotARoute()
    {
        using var stay = await ArrangeAsync(locks: 1);
        var (owner, bookingId) = (stay.Owner, stay.BookingId);

        using var response = await owner.DeleteAsync($"/v1/bookings/{bookingId}/accesscode/not-a-uuid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>What <see cref="ArrangeAsync"/> set up; disposing it disposes the owner's client.</summary>
    private sealed record Stay(HttpClient Owner, Guid PropertyId, Guid BookingId, long[] SmartlockIds) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }
}
