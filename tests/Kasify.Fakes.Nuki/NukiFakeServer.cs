using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasify.Fakes.Nuki;

/// <summary>
/// The fake Nuki Web API as a Kestrel server: standalone from <see cref="Program"/>, or in-process from tests on a free
/// loopback port (<c>await using var fake = new NukiFakeServer(); var baseUrl = await fake.StartAsync();</c>).
/// </summary>
public sealed class NukiFakeServer(NukiFakeOptions? options = null) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The fake's state: seed accounts and locks, flip switches, inspect codes.</summary>
    public NukiFakeState State { get; } = new(options ?? new NukiFakeOptions { ApplyDelayMs = 0 });

    /// <summary>The base URL once started (e.g. <c>http://127.0.0.1:41234</c>, no trailing slash).</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Starts on <paramref name="url"/>, by default a free port on 127.0.0.1, and returns the base URL.</summary>
    public async Task<Uri> StartAsync(string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapNukiFake(State);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        return BaseUrl;
    }

    /// <summary>Seeds the demo account of <paramref name="token"/>: two online locks with keypads and one offline lock.</summary>
    public static void SeedDemo(NukiFakeState state, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddSmartlock(token, 18000000001, "Front Door", keypadPaired: true, batteryCharge: 78);
        state.AddSmartlock(token, 18000000002, "Garden Gate", keypadPaired: true, batteryCharge: 15);
        state.AddSmartlock(token, 18000000003, "Cellar", keypadPaired: true, offline: true, batteryCharge: 40);
    }

    /// <summary>The first id of the locks <see cref="SeedLoad"/> adds.</summary>
    public const long FirstLoadLockId = 19_500_000_001;

    /// <summary>
    /// Seeds <paramref name="locks"/> online locks with keypads for a load run, <paramref name="perAccount"/> per account,
    /// the accounts' tokens <paramref name="tokenPrefix"/>1, 2, …, lock ids from <see cref="FirstLoadLockId"/> in order.
    /// Returns each account's token and lock ids.
    /// </summary>
    public static IReadOnlyList<(string Token, IReadOnlyList<long> LockIds)> SeedLoad(NukiFakeState state, int locks, int perAccount, string tokenPrefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(locks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perAccount);
        var accounts = new List<(string, IReadOnlyList<long>)>();
        for (var first = 0; first < locks; first += perAccount)
        {
            var token = tokenPrefix + ((first / perAccount) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            state.AddAccount(token);
            var ids = new List<long>();
            for (var i = first; i < Math.Min(first + perAccount, locks); i++)
            {
                var id = FirstLoadLockId + i;
                state.AddSmartlock(token, id, $"Load lock {i + 1}", keypadPaired: true, batteryCharge: 20 + (i % 80));
                ids.Add(id);
            }

            accounts.Add((token, ids));
        }

        return accounts;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
