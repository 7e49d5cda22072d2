using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kasify.Load;

/// <summary>
/// The Nuki fake's admin endpoints (<c>tests/Kasify.Fakes.Nuki</c>, no auth): seeding locks into an account
/// (<c>POST /fake/smartlocks</c>, which creates the account of a new token) and the vendor latency switch
/// (<c>GET|POST /fake/switches</c>).
/// </summary>
internal sealed class NukiFakeAdmin(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => baseAddress;

    /// <summary>Adds (or, for a known id, replaces) online locks with keypads to the account of <paramref name="token"/>.</summary>
    public async Task SeedLocksAsync(string token, IEnumerable<(long SmartlockId, string Name)> locks)
    {
        await Parallel.ForEachAsync(locks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (smartlock, cancellationToken) =>
        {
            using var response = await _http.PostAsJsonAsync(
                "/fake/smartlocks",
                new JsonObject
                {
                    ["token"] = token,
                    ["smartlockId"] = smartlock.SmartlockId,
                    ["name"] = smartlock.Name,
                    ["keypadPaired"] = true,
                    ["offline"] = false,
                    ["batteryCharge"] = 80,
                },
                cancellationToken);
            response.EnsureSuccessStatusCode();
        });
    }

    /// <summary>The latency the fake adds to every vendor request, in milliseconds.</summary>
    public async Task<int> GetLatencyMsAsync()
    {
        var switches = JsonNode.Parse(await _http.GetStringAsync("/fake/switches"))!;
        return switches["latencyMs"]!.GetValue<int>();
    }

    public async Task SetLatencyMsAsync(int latencyMs)
    {
        using var response = await _http.PostAsJsonAsync("/fake/switches", new JsonObject { ["latencyMs"] = latencyMs });
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
