using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;

namespace Kasify.Api.Tests.AccessCodes;

/// <summary>
/// <c>POST /v1/bookings/{id}/accesscode/{code_id}/rotate</c> against the fake Nuki: a new PIN on the same lock and window,
/// the old one revoked only once the new one is on the lock, a retried request answering the same new code, and the
/// 404/409 problems.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessCodeRotationApiTests(KasifyApiFactory factory)
{
    private const string Zone = "Europe/Madrid";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task RotatingAnswersANewPinForTheSameWindowAndRevokesTheOldOneOnceTheNewOneIsActive()
    {
        var (owner, bookingId, smartlockId, code) = await ActiveCodeAsync();
        var (codeId, pin) = (code.GetProperty("id").GetGuid(), code.GetProperty("code").GetString()!);

        using var rotate = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}/rotate", null);
        var rotated = await rotate.ReadSuccessAsync();
        using var retry = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}/rotate", null);
        var retried = await retry.ReadSuccessAsync();

        // Nuki confirms a new code by reading it back, so the rotation is accepted, not yet done.
        Assert.Equal(HttpStatusCode.Accepted, rotate.StatusCode);
        Assert.Equal("pending", rotated.GetProperty("status").GetString());
        Assert.Equal(
            ["id", "smartlock_id", "name", "code", "valid_from", "valid_to", "status", "last_error"],
            rotated.EnumerateObject().Select(field => field.Name));
        var newPin = rotated.GetProperty("code").GetString()!;
        Assert.NotEqual(pin, newPin);
        Assert.Matches("^[1-9]{6}$", newPin);
        Assert.Equal(
            (code.GetProperty("smartlock_id").GetGuid(), code.GetProperty("valid_from").GetDateTimeOffset(), code.GetProperty("valid_to").GetDateTimeOffset()),
            (rotated.GetProperty("smartlock_id").GetGuid(), rotated.GetProperty("valid_from").GetDateTimeOffset(), rotated.GetProperty("valid_to").GetDateTimeOffset()));
        Assert.Equal(rotated.GetProperty("id").GetGuid(), retried.GetProperty("id").GetGuid());
        Assert.Equal(newPin, retried.GetProperty("code").GetString());
        Assert.True(IsOnLock(smartlockId, pin), "The old code left the lock before the new one was confirmed.");

        await ApiLocks.WaitUntilAsync(() => Task.FromResult(IsOnLock(smartlockId, newPin) && !IsOnLock(smartlockId, pin)), "the new code replaces the old one on the lock");
        await ApiLocks.WaitUntilAsync(
            async () => Statuses(await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode")))
                .SequenceEqual([(codeId, "revoked"), (rotated.GetProperty("id").GetGuid(), "active")]),
            "the old code revoked and the new one active");
        Assert.Single(factory.Nuki.State.CodesOn(smartlockId));

        using var late = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}/rotate", null);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.Equal(rotated.GetProperty("id").GetGuid(), (await late.ReadSuccessAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnUnknownCodeIs404AndARevokedOneIs409()
    {
        var (owner, bookingId, _, code) = await ActiveCodeAsync();
        var codeId = code.GetProperty("id").GetGuid();

        using var unknownCode = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode/{Guid.NewGuid()}/rotate", null);
        using var unknownBooking = await owner.PostAsync($"/v1/bookings/{Guid.NewGuid()}/accesscode/{codeId}/rotate", null);
        using var revoke = await owner.DeleteAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}");
        using var revoked = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode/{codeId}/rotate", null);

        await ProblemAssert.IsProblemAsync(unknownCode, HttpStatusCode.NotFound, "accesscode.not_found");
        await ProblemAssert.IsProblemAsync(unknownBooking, HttpStatusCode.NotFound, "booking.not_found");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.Conflict, "accesscode.not_rotatable");
        Assert.Single((await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes").EnumerateArray());
    }

    private static List<(Guid Id, string Status)> Statuses(JsonElement listed) =>
        [.. listed.GetProperty("codes").EnumerateArray().Select(code => (code.GetProperty("id").GetGuid(), code.GetProperty("status").GetString()!))];

    private bool IsOnLock(long smartlockId, string code) =>
        factory.Nuki.State.CodesOn(smartlockId).Any(auth => auth.Code.ToString(CultureInfo.InvariantCulture) == code);

    private async Task<(HttpClient Owner, Guid BookingId, long SmartlockId, JsonElement Code)> ActiveCodeAsync()
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token, "Door 1");
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(3)) });
        var bookingId = booking.GetProperty("id").GetGuid();
        await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync();
        JsonElement code = default;
        await ApiLocks.WaitUntilAsync(
            async () =>
            {
                code = (await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes")[0];
                return code.GetProperty("status").GetString() == "active";
            },
            "the code is active");
        return (owner, bookingId, smartlockId, code);
    }
}
