using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kasify.Fakes.Nuki;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Reading and seeding keypad codes at the fake Nuki.</summary>
internal static class NukiFakeCodes
{
    /// <summary>The PIN of a fake keypad code as Kasify writes it (six digits).</summary>
    public static string Pin(this FakeAuth auth) => auth.Code.ToString(CultureInfo.InvariantCulture);

    /// <summary>The applied keypad code with this PIN on the lock, or null.</summary>
    public static FakeAuth? CodeWithPin(this NukiFakeState fake, long deviceId, string pin) =>
        fake.CodesOn(deviceId).SingleOrDefault(auth => auth.Pin() == pin);

    /// <summary>Whether the lock holds the code with exactly Kasify's window, and no change of it is pending.</summary>
    public static bool Holds(this NukiFakeState fake, long deviceId, AccessCodeDto code) =>
        fake.CodeWithPin(deviceId, code.Code) is { } auth
        && auth.OperationId is null
        && auth.AllowedFromDate == code.ValidFrom
        && auth.AllowedUntilDate == code.ValidTo;

    /// <summary>The lock's codes in one line, for failure messages.</summary>
    public static string Describe(this NukiFakeState fake, long deviceId) =>
        $"lock {deviceId}: [{string.Join("; ", fake.CodesOn(deviceId).Select(a => $"{a.Pin()} {a.AllowedFromDate:O}..{a.AllowedUntilDate:O} op={a.OperationId ?? "-"}"))}]";

    /// <summary>
    /// Puts <paramref name="count"/> keypad codes of someone else on the lock through the fake's vendor API (as another
    /// app would) and waits until the lock has applied them.
    /// </summary>
    public static async Task FillAsync(NukiFakeServer fake, string token, long deviceId, int count)
    {
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < count; i++)
        {
            // "3" then five digits 1-9 from i: valid, distinct, and never starting with 12.
            var pin = int.Parse("3" + ToDigits(i), CultureInfo.InvariantCulture);
            using var response = await http.PutAsJsonAsync(
                $"smartlock/{deviceId}/auth", new { name = $"Other {i}", type = 13, code = pin, remoteAllowed = false });
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Seeding code {pin} at the fake answered {(int)response.StatusCode}.");
        }

        await Poll.UntilAsync(
            () => fake.State.CodesOn(deviceId).Count >= count,
            TimeSpan.FromSeconds(10),
            $"The fake applying {count} seeded codes",
            () => $"{fake.State.CodesOn(deviceId).Count} applied");
    }

    private static string ToDigits(int value)
    {
        var digits = new char[5];
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (char)('1' + (value % 9));
            value /= 9;
        }

        return new string(digits);
    }
}
