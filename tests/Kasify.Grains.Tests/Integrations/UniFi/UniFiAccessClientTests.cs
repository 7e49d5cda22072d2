using System.Net;
using Kasify.Fakes.UniFi;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.UniFi;
using Kasify.Grains.Outbound;
using Kasify.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Kasify.Grains.Tests.Integrations.UniFi;

/// <summary>The UniFi Access client against the fake console over HTTPS with a self-signed, pinned certificate.</summary>
public sealed class UniFiAccessClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Arrival = new(2026, 7, 1, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Departure = new(2026, 7, 5, 10, 0, 0, TimeSpan.Zero);

    private UniFiFakeServer _fake = null!;
    private ServiceProvider _services = null!;

    private UniFiFakeConsole Console => _fake.Console;

    public async Task InitializeAsync()
    {
        _fake = await UniFiFakeServer.StartAsync();
        _services = Services();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task APinnedFingerprintIsAcceptedInAnyCommonNotation()
    {
        var colons = string.Join(':', _fake.CertificateFingerprint!.Chunk(2).Select(pair => new string(pair))).ToLowerInvariant();

        Assert.Equal(UniFiCredentialCheck.Valid, await Client().VerifyCredentialsAsync(Connection()));
        Assert.Equal(UniFiCredentialCheck.Valid, await Client().VerifyCredentialsAsync(Connection() with { CertificateSha256 = colons }));
    }

    [Fact]
    public async Task AWrongFingerprintIsRejectedBeforeAnyRequestIsSent()
    {
        var wrong = Connection() with { CertificateSha256 = new string('A', 64) };

        Assert.Equal(UniFiCredentialCheck.CertificateRejected, await Client().VerifyCredentialsAsync(wrong));
        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(wrong));
        Assert.Equal(UniFiAccessError.CertificateRejected, error.Error);
        Assert.Equal(0, Console.RequestCount);
    }

    [Fact]
    public async Task ASelfSignedCertificateIsRejectedWhenNoFingerprintIsPinned()
    {
        Assert.Equal(UniFiCredentialCheck.CertificateRejected, await Client().VerifyCredentialsAsync(Connection() with { CertificateSha256 = null }));
    }

    [Fact]
    public async Task AConnectionPinnedCorrectlyDoesNotLetAWronglyPinnedOneReuseItsConnection()
    {
        Assert.Equal(UniFiCredentialCheck.Valid, await Client().VerifyCredentialsAsync(Connection()));

        var wrong = Connection() with { CertificateSha256 = new string('B', 64) };
        Assert.Equal(UniFiCredentialCheck.CertificateRejected, await Client().VerifyCredentialsAsync(wrong));
    }

    [Fact]
    public void AMalformedFingerprintIsRefused()
    {
        Assert.Throws<ArgumentException>(() => UniFiPinnedCertificateHandler.Normalize("not-a-fingerprint"));
        Assert.Throws<ArgumentException>(() => UniFiPinnedCertificateHandler.Normalize(new string('A', 40)));
        Assert.Null(UniFiPinnedCertificateHandler.Normalize(" "));
    }

    [Fact]
    public async Task ABadTokenIsInvalidCredentials()
    {
        var badToken = Connection() with { ApiToken = "wrong" };

        Assert.Equal(UniFiCredentialCheck.InvalidCredentials, await Client().VerifyCredentialsAsync(badToken));
        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(badToken));
        Assert.Equal(UniFiAccessError.InvalidCredentials, error.Error);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal("CODE_AUTH_FAILED", error.VendorCode);
    }

    [Fact]
    public async Task AConsoleThatDoesNotListenIsUnreachable()
    {
        var nowhere = Connection() with { BaseUrl = new Uri($"https://127.0.0.1:{FreePort.Next()}") };

        Assert.Equal(UniFiCredentialCheck.Unreachable, await Client().VerifyCredentialsAsync(nowhere));
        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(nowhere));
        Assert.Equal(UniFiAccessError.Unreachable, error.Error);
    }

    [Fact]
    public async Task AConsoleSlowerThanTheAttemptTimeoutIsUnreachable()
    {
        await using var services = Services(options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1);
        });
        Console.Latency = TimeSpan.FromSeconds(3);

        var error = await Assert.ThrowsAsync<UniFiAccessException>(
            () => services.GetRequiredService<IUniFiAccessClient>().ListDoorsAsync(Connection()));

        Assert.Equal(UniFiAccessError.Unreachable, error.Error);
    }

    [Fact]
    public async Task AConsoleOnAnAddressThePolicyRefusesIsUnreachableAndNeverContacted()
    {
        // The production defaults: loopback, where the fake listens, is refused.
        await using var strict = Services(outbound: new OutboundOptions());
        var client = strict.GetRequiredService<IUniFiAccessClient>();
        var byName = Connection() with { BaseUrl = new UriBuilder(_fake.BaseUrl) { Host = "localhost" }.Uri };
        var mapped = Connection() with { BaseUrl = new UriBuilder(_fake.BaseUrl) { Host = "[::ffff:127.0.0.1]" }.Uri };

        Assert.Equal(UniFiCredentialCheck.Unreachable, await client.VerifyCredentialsAsync(Connection()));
        Assert.Equal(UniFiCredentialCheck.Unreachable, await client.VerifyCredentialsAsync(byName));
        Assert.Equal(UniFiCredentialCheck.Unreachable, await client.VerifyCredentialsAsync(mapped));
        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => client.ListDoorsAsync(byName));

        Assert.Equal(UniFiAccessError.Unreachable, error.Error);
        Assert.Equal(0, _fake.ConnectionCount);
    }

    [Fact]
    public async Task AnAnswerOverTheSizeLimitIsRefusedWhileReading()
    {
        // The default limit (a few MB), with the answer streamed without a length so only reading can find it too long.
        await using var services = Services(outbound: new OutboundOptions { AllowLoopback = true });
        var client = services.GetRequiredService<IUniFiAccessClient>();
        Console.DoorListPadding = (int)new OutboundOptions().MaxResponseBytes;

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => client.ListDoorsAsync(Connection()));

        Assert.Equal(UniFiAccessError.UnexpectedResponse, error.Error);
        Assert.Equal(UniFiCredentialCheck.Unreachable, await client.VerifyCredentialsAsync(Connection()));
        Console.DoorListPadding = 100_000;
        Assert.Equal(3, (await client.ListDoorsAsync(Connection())).Count);
    }

    [Fact]
    public async Task TheSizeLimitComesFromTheOutboundPolicy()
    {
        await using var services = Services(outbound: new OutboundOptions { AllowLoopback = true, MaxResponseBytes = 64 * 1024 });
        Console.DoorListPadding = 100_000;

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => services.GetRequiredService<IUniFiAccessClient>().ListDoorsAsync(Connection()));

        Assert.Equal(UniFiAccessError.UnexpectedResponse, error.Error);
    }

    [Fact]
    public async Task PinnedHandlersArePooledUpToTheLimitAndTheLeastRecentlyUsedGoes()
    {
        var outbound = new OutboundHandlerFactory(new OutboundOptions { AllowLoopback = true, MaxPooledHandlers = 2 });
        using var handler = new UniFiPinnedCertificateHandler(outbound, TimeProvider.System);
        using var invoker = new HttpMessageInvoker(handler);
        string[] pins = [new string('A', 64), new string('B', 64), new string('C', 64), _fake.CertificateFingerprint!];

        var statuses = new List<HttpStatusCode?>();
        foreach (var pin in pins)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fake.BaseUrl, "/api/v1/developer/doors"));
            request.Headers.Authorization = new("Bearer", UniFiFakeSeed.Token);
            request.Options.Set(UniFiPinnedCertificateHandler.PinOption, pin);
            try
            {
                using var response = await invoker.SendAsync(request, CancellationToken.None);
                statuses.Add(response.StatusCode);
            }
            catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException)
            {
                statuses.Add(null);
            }
        }

        Assert.Equal([null, null, null, HttpStatusCode.OK], statuses);
        Assert.Equal(2, handler.PooledHandlers);
    }

    [Fact]
    public async Task DoorsAreListedWithTheirFloorNames()
    {
        var doors = await Client().ListDoorsAsync(Connection());

        Assert.Equal(3, doors.Count);
        var main = Assert.Single(doors, door => door.DoorId == UniFiFakeSeed.MainDoorId);
        Assert.Equal(("Main Door", UniFiFakeSeed.GroundFloorId, "1F", true, "lock", "close"),
            (main.Name, main.FloorId, main.FloorName, main.IsBindHub, main.LockRelayStatus, main.PositionStatus));
        var storage = Assert.Single(doors, door => door.DoorId == UniFiFakeSeed.StorageDoorId);
        Assert.Equal(("2F", false, null), (storage.FloorName, storage.IsBindHub, storage.PositionStatus));
    }

    [Fact]
    public async Task AVisitorPinIsCreatedMovedReplacedAndDeleted()
    {
        var created = await Client().CreateVisitorPinAsync(Connection(), Request("123456"));

        var visitor = Console.Visitor(created.VisitorId)!;
        Assert.Equal(("123456", Arrival.ToUnixTimeSeconds(), Departure.ToUnixTimeSeconds()), (visitor.Pin, visitor.StartTime, visitor.EndTime));
        Assert.Equal([UniFiFakeSeed.ApartmentDoorId], visitor.DoorIds);
        Assert.Equal(("Lucía", "BK-4711"), (visitor.FirstName, visitor.LastName));

        var later = Departure.AddDays(2);
        await Client().UpdateVisitorPinAsync(Connection(), created.VisitorId, Arrival, later);
        Assert.Equal(("123456", later.ToUnixTimeSeconds()), (Console.Visitor(created.VisitorId)!.Pin, Console.Visitor(created.VisitorId)!.EndTime));

        await Client().UpdateVisitorPinAsync(Connection(), created.VisitorId, Arrival, later, newPin: "654321");
        Assert.Equal("654321", Console.Visitor(created.VisitorId)!.Pin);

        await Client().DeleteVisitorPinAsync(Connection(), created.VisitorId);
        Assert.Null(Console.Visitor(created.VisitorId));

        await Client().DeleteVisitorPinAsync(Connection(), created.VisitorId);
    }

    [Fact]
    public async Task TheConsoleGeneratesPinsOfTheSiteLength()
    {
        Console.PinLength = 8;

        var pin = await Client().GeneratePinAsync(Connection());

        Assert.Matches("^[0-9]{8}$", pin);
    }

    [Fact]
    public async Task APinUsedByAnotherVisitorIsAConflictAndLeavesNoVisitorBehind()
    {
        await Client().CreateVisitorPinAsync(Connection(), Request("246810"));

        var error = await Assert.ThrowsAsync<UniFiAccessException>(
            () => Client().CreateVisitorPinAsync(Connection(), Request("246810") with { DoorId = UniFiFakeSeed.MainDoorId }));

        Assert.Equal(UniFiAccessError.PinConflict, error.Error);
        Assert.Equal(200, error.HttpStatus);
        Assert.Single(Console.Visitors());
    }

    [Fact]
    public async Task APinOfTheWrongLengthForTheSiteIsRejectedAndLeavesNoVisitorBehind()
    {
        Console.PinLength = 4;

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().CreateVisitorPinAsync(Connection(), Request("123456")));

        Assert.Equal(UniFiAccessError.PinLengthInvalid, error.Error);
        Assert.Empty(Console.Visitors());
        await Client().CreateVisitorPinAsync(Connection(), Request("1234"));
    }

    [Fact]
    public async Task AnOfflineDoorIsDeviceUnavailableAlthoughTheConsoleAnswers200()
    {
        Console.SetDoorOffline(UniFiFakeSeed.ApartmentDoorId, offline: true);

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().CreateVisitorPinAsync(Connection(), Request("135791")));

        Assert.Equal((UniFiAccessError.DeviceUnavailable, "CODE_DEVICE_DEVICE_OFFLINE", 200), (error.Error, error.VendorCode, error.HttpStatus));
        Console.SetDoorOffline(UniFiFakeSeed.ApartmentDoorId, offline: false);
        await Client().CreateVisitorPinAsync(Connection(), Request("135791"));
    }

    [Fact]
    public async Task UnknownDoorsAndVisitorsAreNotFound()
    {
        var door = await Assert.ThrowsAsync<UniFiAccessException>(
            () => Client().CreateVisitorPinAsync(Connection(), Request("112233") with { DoorId = Guid.NewGuid().ToString() }));
        var visitor = await Assert.ThrowsAsync<UniFiAccessException>(
            () => Client().UpdateVisitorPinAsync(Connection(), Guid.NewGuid().ToString(), Arrival, Departure));

        Assert.Equal(UniFiAccessError.NotFound, door.Error);
        Assert.Equal(UniFiAccessError.NotFound, visitor.Error);
    }

    [Fact]
    public async Task AReadOnlyTokenVerifiesButCannotWrite()
    {
        var readOnly = Connection() with { ApiToken = UniFiFakeSeed.ReadOnlyToken };

        Assert.Equal(UniFiCredentialCheck.Valid, await Client().VerifyCredentialsAsync(readOnly));
        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().CreateVisitorPinAsync(readOnly, Request("102938")));
        Assert.Equal((UniFiAccessError.PermissionDenied, 403), (error.Error, error.HttpStatus));
    }

    [Fact]
    public async Task InvalidParametersFromTheConsoleAreInvalidRequest()
    {
        Console.FailNext(UniFiFakeError.ParamsInvalid);

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(Connection()));

        Assert.Equal(UniFiAccessError.InvalidRequest, error.Error);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoff()
    {
        Console.FailNext(UniFiFakeError.SystemError, UniFiFakeError.TooManyRequests);

        var doors = await Client().ListDoorsAsync(Connection());

        Assert.Equal(3, doors.Count);
        Assert.Equal(4, Console.RequestCount);
    }

    [Fact]
    public async Task PersistentServerErrorsAndRateLimitsAreReportedAfterTheRetries()
    {
        Console.FailNext([.. Enumerable.Repeat(UniFiFakeError.SystemError, 4)]);
        var server = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(Connection()));
        Console.FailNext([.. Enumerable.Repeat(UniFiFakeError.TooManyRequests, 4)]);
        var limited = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(Connection()));

        Assert.Equal((UniFiAccessError.ServerError, 500), (server.Error, server.HttpStatus));
        Assert.Equal((UniFiAccessError.RateLimited, 429), (limited.Error, limited.HttpStatus));
        Assert.Equal(8, Console.RequestCount);
    }

    [Fact]
    public async Task ResilienceSettingsComeFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{UniFiAccessServiceCollectionExtensions.ResilienceSection}:Retry:MaxRetryAttempts"] = "1",
            [$"{UniFiAccessServiceCollectionExtensions.ResilienceSection}:Retry:Delay"] = "00:00:00.010",
        }).Build();
        var services = new ServiceCollection();
        services.AddOutboundPolicy(KasifyTestSilos.FakesOnLoopback());
        services.AddUniFiAccessClient(configuration);
        await using var provider = services.BuildServiceProvider();
        Console.FailNext(UniFiFakeError.SystemError, UniFiFakeError.SystemError);

        var error = await Assert.ThrowsAsync<UniFiAccessException>(
            () => provider.GetRequiredService<IUniFiAccessClient>().ListDoorsAsync(Connection()));

        Assert.Equal(UniFiAccessError.ServerError, error.Error);
        Assert.Equal(2, Console.RequestCount);
    }

    [Fact]
    public async Task TheFakesErrorRateFailsRequestsWithServerErrors()
    {
        Console.ErrorRate = 1;

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().ListDoorsAsync(Connection()));

        Assert.Equal((UniFiAccessError.ServerError, "CODE_SYSTEM_ERROR"), (error.Error, error.VendorCode));
        Assert.Equal(4, Console.RequestCount);
    }

    [Fact]
    public async Task CreatingIsNotRetriedBecauseItIsNotIdempotent()
    {
        Console.FailNext(UniFiFakeError.SystemError);

        var error = await Assert.ThrowsAsync<UniFiAccessException>(() => Client().CreateVisitorPinAsync(Connection(), Request("192837")));

        Assert.Equal(UniFiAccessError.ServerError, error.Error);
        Assert.Equal(1, Console.RequestCount);
        Assert.Empty(Console.Visitors());
    }

    [Fact]
    public async Task BadArgumentsAreRefusedBeforeCallingTheConsole()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateVisitorPinAsync(Connection(), Request("12a456")));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateVisitorPinAsync(Connection(), Request("123")));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Client().CreateVisitorPinAsync(Connection(), Request("123456") with { ValidTo = Arrival }));

        Assert.Equal(0, Console.RequestCount);
    }

    private IUniFiAccessClient Client() => _services.GetRequiredService<IUniFiAccessClient>();

    private UniFiAccessConnection Connection() => new(_fake.BaseUrl, UniFiFakeSeed.Token, _fake.CertificateFingerprint);

    private static UniFiVisitorPinRequest Request(string pin) =>
        new(UniFiFakeSeed.ApartmentDoorId, "Lucía", "BK-4711", pin, Arrival, Departure);

    // The fake listens on loopback, which the outbound policy refuses unless told otherwise: these tests allow it.
    private static ServiceProvider Services(Action<HttpStandardResilienceOptions>? configure = null, OutboundOptions? outbound = null)
    {
        var services = new ServiceCollection();
        services.AddOutboundPolicy(outbound ?? KasifyTestSilos.FakesOnLoopback());
        services.AddUniFiAccessClient(options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider();
    }
}
