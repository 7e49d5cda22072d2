using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Integrations;

/// <summary>
/// Steps the integration, smart lock and access code tests share: vendor accounts and locks at the fakes, integrations
/// and assignments through the API, and waiting for asynchronous vendor work.
/// </summary>
internal static class ApiLocks
{
    // The Nuki fake keeps locks by their id across accounts, so every lock a test seeds gets an id of its own.
    private static long _lastSmartlockId = 17_000_000_000 + (Random.Shared.NextInt64(1_000_000) * 1_000);

    /// <summary>A fresh Nuki API token, long enough for the masked hint to show its last four characters.</summary>
    public static string NewToken(string vendor = "nuki") => $"{vendor}-token-{Guid.NewGuid():N}";

    /// <summary>Adds a lock with a keypad to the fake Nuki account of <paramref name="token"/> and returns its smartlock id.</summary>
    public static long SeedNukiLock(this KasifyApiFactory factory, string token, string name = "Front Door", bool offline = false)
    {
        var smartlockId = Interlocked.Increment(ref _lastSmartlockId);
        factory.Nuki.State.AddSmartlock(token, smartlockId, name, keypadPaired: true, offline: offline, batteryCharge: 64);
        return smartlockId;
    }

    /// <summary>Connects a Nuki integration with <paramref name="token"/> (seeded at the fake first) and returns its JSON.</summary>
    public static async Task<JsonElement> ConnectNukiAsync(this HttpClient client, KasifyApiFactory factory, string token, string name = "Nuki")
    {
        factory.Nuki.State.AddAccount(token);
        using var response = await client.PostAsJsonAsync("/v1/integrations/nuki", new { name, token });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"connect Nuki answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Connects the fake UniFi console with its seeded token and pinned certificate and returns the integration's JSON.</summary>
    public static async Task<JsonElement> ConnectUnifiAsync(this HttpClient client, KasifyApiFactory factory, string? token = null)
    {
        using var response = await client.PostAsJsonAsync("/v1/integrations/unifi", UnifiBody(factory, token ?? Kasify.Fakes.UniFi.UniFiFakeSeed.Token));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"connect UniFi answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A UniFi integration body for the fake console.</summary>
    public static object UnifiBody(KasifyApiFactory factory, string token, string name = "Building") => new
    {
        name,
        url = factory.UniFi.BaseUrl.ToString(),
        api_token = token,
        certificate_sha256 = factory.UniFi.CertificateFingerprint,
    };

    /// <summary>Assigns a Nuki lock to a property and returns the smart lock's JSON.</summary>
    public static async Task<JsonElement> AssignNukiLockAsync(this HttpClient client, Guid propertyId, Guid integrationId, long smartlockId, string? name = null)
    {
        using var response = await client.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, smartlock_id = smartlockId, name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"assign answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="timeout"/> (15 s by default).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The ids of a JSON array's objects.</summary>
    public static Guid[] Ids(JsonElement items, string idField = "id") =>
        [.. items.EnumerateArray().Select(item => item.GetProperty(idField).GetGuid())];
}
