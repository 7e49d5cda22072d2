using System.Net;
using System.Net.Sockets;
using Kasify.Fakes.Nuki;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Nuki;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Integrations.Nuki;

/// <summary>The Nuki client against the fake Nuki Web API on a free loopback port: every endpoint used, every error mapped.</summary>
public sealed class NukiClientTests : IAsyncLifetime
{
    private const string Token = "token-a";
    private const string OtherToken = "token-b";
    private const long FrontDoor = 18000000001;
    private const long NoKeypad = 18000000002;
    private const long Offline = 18000000003;
    private const long Foreign = 18000000009;
    private static readonly DateTimeOffset From = new(2026, 7, 1, 13, 0, 0, TimeSpan.Zero);

    private readonly NukiFakeServer _fake = new(new NukiFakeOptions { ApplyDelayMs = 200 });
    private ServiceProvider? _services;
    private INukiClient _client = null!;

    private NukiFakeState Fake => _fake.State;

    public async Task InitializeAsync()
    {
        var baseUrl = await _fake.StartAsync();
        Fake.AddSmartlock(Token, FrontDoor, "Front Door", batteryCharge: 78);
        Fake.AddSmartlock(Token, NoKeypad, "Garage", keypadPaired: false, batteryCharge: 10);
        Fake.AddSmartlock(Token, Offline, "Cellar", offline: true);
        Fake.AddSmartlock(OtherToken, Foreign, "Elsewhere");
        (_services, _client) = CreateClient(new NukiOptions { BaseUrl = baseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task CredentialsAreVerifiedByTheVendor()
    {
        Assert.True(await _client.VerifyCredentialsAsync(Token));
        Assert.False(await _client.VerifyCredentialsAsync("not-a-token"));
    }

    [Fact]
    public async Task SmartlocksComeWithStateBatteryKeypadAndConnection()
    {
        var locks = await _client.ListSmartlocksAsync(Token);

        Assert.Equal([FrontDoor, NoKeypad, Offline], locks.Select(l => l.SmartlockId));
        var front = locks[0];
        Assert.Equal(("Front Door", 1, 78, false, true, false), (front.Name, front.LockState, front.BatteryCharge, front.BatteryCritical, front.KeypadPaired, front.Offline));
        Assert.True(locks[1].BatteryCritical);
        Assert.False(locks[1].KeypadPaired);
        Assert.True(locks[2].Offline);
        Assert.Equal(FrontDoor, (await _client.GetSmartlockAsync(Token, FrontDoor)).SmartlockId);
    }

    [Fact]
    public async Task UnknownForeignAndUnauthorizedAreTyped()
    {
        Assert.Equal(NukiErrorKind.NotFound, (await Assert.ThrowsAsync<NukiException>(() => _client.GetSmartlockAsync(Token, 42))).Kind);
        Assert.Equal(NukiErrorKind.Forbidden, (await Assert.ThrowsAsync<NukiException>(() => _client.GetSmartlockAsync(Token, Foreign))).Kind);
        var unauthorized = await Assert.ThrowsAsync<NukiException>(() => _client.ListSmartlocksAsync("wrong"));
        Assert.Equal((NukiErrorKind.InvalidCredentials, HttpStatusCode.Unauthorized), (unauthorized.Kind, unauthorized.StatusCode));
        Assert.False(unauthorized.IsTransient);
    }

    [Fact]
    public async Task ACreatedCodeIsPendingUntilTheLockAppliesIt()
    {
        await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("BK-4711 Smith", 358946, From, From.AddDays(4)));

        Assert.Empty(await _client.ListKeypadCodesAsync(Token, FrontDoor));
        var code = await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, FrontDoor)).SingleOrDefault());
        Assert.Equal(("BK-4711 Smith", 358946, true, From, From.AddDays(4), null), (code.Name, code.Code, code.Enabled, code.AllowedFrom, code.AllowedUntil, code.OperationId));
        Assert.Equal(24, code.Id.Length);
    }

    [Fact]
    public async Task ADuplicateCodeOnTheLockIsAConflict()
    {
        await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("BK-1", 358946, From, From.AddDays(1)));

        var duplicate = await Assert.ThrowsAsync<NukiException>(() =>
            _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("BK-2", 358946, From, From.AddDays(1))));
        Assert.Equal(NukiErrorKind.DuplicateCode, duplicate.Kind);
        Assert.Contains("Parameter conflicts", duplicate.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockWithoutKeypadRejectsCodes()
    {
        var error = await Assert.ThrowsAsync<NukiException>(() =>
            _client.CreateKeypadCodeAsync(Token, NoKeypad, new NukiKeypadCodeRequest("BK-1", 358946, null, null)));

        Assert.Equal(NukiErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("parameter 'type'", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleBreakingRequestsNeverReachTheVendor()
    {
        var before = Fake.RequestCount;

        await Assert.ThrowsAsync<NukiException>(() => _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("BK-1", 123456, null, null)));
        await Assert.ThrowsAsync<NukiException>(() => _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("A name far too long for Nuki", 358946, null, null)));

        Assert.Equal(before, Fake.RequestCount);
    }

    [Fact]
    public async Task AnUpdateSendsTheFullObjectAndASecondOneWhilePendingIsLocked()
    {
        var code = await CreateAndAwaitAsync("BK-1", 358946);

        var moved = new NukiKeypadCodeRequest("BK-1", 358947, From.AddDays(1), From.AddDays(5));
        await _client.UpdateKeypadCodeAsync(Token, FrontDoor, code.Id, moved);
        var locked = await Assert.ThrowsAsync<NukiException>(() => _client.UpdateKeypadCodeAsync(Token, FrontDoor, code.Id, moved));
        Assert.Equal(NukiErrorKind.Pending, locked.Kind);
        Assert.True(locked.IsTransient);
        Assert.NotNull((await _client.ListKeypadCodesAsync(Token, FrontDoor)).Single().OperationId);

        var updated = await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, FrontDoor)).SingleOrDefault(c => c.OperationId is null && c.Code == 358947));
        Assert.Equal((From.AddDays(1), From.AddDays(5)), (updated.AllowedFrom, updated.AllowedUntil));
    }

    [Fact]
    public async Task ADeletedCodeDisappearsOnceApplied()
    {
        var code = await CreateAndAwaitAsync("BK-1", 358946);

        await _client.DeleteKeypadCodeAsync(Token, FrontDoor, code.Id);
        Assert.Equal(NukiErrorKind.Pending, (await Assert.ThrowsAsync<NukiException>(() => _client.DeleteKeypadCodeAsync(Token, FrontDoor, code.Id))).Kind);

        await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, FrontDoor)).Count == 0 ? "gone" : null);
        Assert.Equal(NukiErrorKind.NotFound, (await Assert.ThrowsAsync<NukiException>(() => _client.DeleteKeypadCodeAsync(Token, FrontDoor, code.Id))).Kind);
    }

    [Fact]
    public async Task AnOfflineLockAcceptsWritesButNeverAppliesThem()
    {
        await _client.CreateKeypadCodeAsync(Token, Offline, new NukiKeypadCodeRequest("BK-1", 358946, null, null));
        await Task.Delay(600);
        Assert.Empty(await _client.ListKeypadCodesAsync(Token, Offline));
        Assert.Empty(Fake.CodesOn(Offline));

        // Back online, the same code goes through.
        Fake.UpdateSmartlock(Offline, offline: false);
        Assert.False((await _client.GetSmartlockAsync(Token, Offline)).Offline);
        await _client.CreateKeypadCodeAsync(Token, Offline, new NukiKeypadCodeRequest("BK-1", 358946, null, null));
        await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, Offline)).SingleOrDefault());
    }

    [Fact]
    public async Task ALockHoldsAtMostOneHundredCodes()
    {
        var taken = new List<int>();
        for (var i = 0; i < NukiCodeRules.MaxCodesPerLock; i++)
        {
            var pin = NukiCodeRules.GenerateCode(taken);
            taken.Add(pin);
            await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest($"BK-{i}", pin, null, null));
        }

        var extra = Enumerable.Range(311111, 1000).First(c => NukiCodeRules.IsValidCode(c) && !taken.Contains(c));
        var full = await Assert.ThrowsAsync<NukiException>(() =>
            _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("BK-100", extra, null, null)));
        Assert.Equal(NukiErrorKind.Unprocessable, full.Kind);
        await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, FrontDoor)).Count == 100 ? "full" : null);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task TransientFailuresAreRetried(int status)
    {
        Fake.FailNext(2, status);
        var before = Fake.RequestCount;

        Assert.Equal(3, (await _client.ListSmartlocksAsync(Token)).Count);
        Assert.Equal(before + 3, Fake.RequestCount);
    }

    [Fact]
    public async Task AVendorFailingPastTheRetriesIsUnavailable()
    {
        Fake.FailNext(10, 503);
        var before = Fake.RequestCount;

        var error = await Assert.ThrowsAsync<NukiException>(() => _client.ListSmartlocksAsync(Token));

        Assert.Equal((NukiErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable), (error.Kind, error.StatusCode));
        Assert.True(error.IsTransient);
        Assert.Equal(before + 4, Fake.RequestCount);
        Fake.FailNext(0);
    }

    [Fact]
    public async Task ASlowVendorTimesOutAsUnavailable()
    {
        var (services, client) = CreateClient(new NukiOptions
        {
            BaseUrl = _fake.BaseUrl!,
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            TotalTimeout = TimeSpan.FromSeconds(2),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });
        await using var _ = services;
        Fake.Options.LatencyMs = 1000;

        var error = await Assert.ThrowsAsync<NukiException>(() => client.ListSmartlocksAsync(Token));

        Fake.Options.LatencyMs = 0;
        Assert.Equal(NukiErrorKind.Unavailable, error.Kind);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task AnUnreachableVendorIsUnavailable()
    {
        var (services, client) = CreateClient(new NukiOptions { BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}"), RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 1 });
        await using var _ = services;

        var error = await Assert.ThrowsAsync<NukiException>(() => client.VerifyCredentialsAsync(Token));

        Assert.Equal(NukiErrorKind.Unavailable, error.Kind);
    }

    private async Task<NukiKeypadCode> CreateAndAwaitAsync(string name, int pin)
    {
        await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest(name, pin, From, From.AddDays(2)));
        return await EventuallyAsync(async () => (await _client.ListKeypadCodesAsync(Token, FrontDoor)).SingleOrDefault(c => c.Name == name));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The fake never applied the change.");
            await Task.Delay(50);
        }
    }

    private static (ServiceProvider Services, INukiClient Client) CreateClient(NukiOptions options)
    {
        var services = new ServiceCollection().AddNukiClient(options).BuildServiceProvider();
        return (services, services.GetRequiredService<INukiClient>());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
