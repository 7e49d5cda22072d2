using Kasify.Fakes.Nuki;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.SmartLocks;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// The Nuki driver's sweep of codes named like Kasify's that no code of the lock claims, against the Nuki fake: it
/// deletes them only after the grain's state write succeeded, so an activation whose state is stale deletes nothing.
/// </summary>
public sealed class NukiOrphanSweepTests : IAsyncLifetime
{
    private const string Token = "sweep-token";
    private const long FrontDoor = 18_500_000_001;
    private static readonly DateTimeOffset From = new(2031, 3, 1, 15, 0, 0, TimeSpan.Zero);

    private readonly NukiFakeServer _fake = new(new NukiFakeOptions { ApplyDelayMs = 0 });
    private ServiceProvider? _services;
    private INukiClient _client = null!;

    public async Task InitializeAsync()
    {
        var baseUrl = await _fake.StartAsync();
        _fake.State.AddSmartlock(Token, FrontDoor, "Front Door");
        _services = new ServiceCollection().AddNukiClient(new NukiOptions { BaseUrl = baseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }).BuildServiceProvider();
        _client = _services.GetRequiredService<INukiClient>();
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
    public async Task AnUnclaimedKasifyCodeIsDeletedOnceTheStateWriteSucceeds()
    {
        await PlaceStrayAsync();
        var writes = 0;

        await new NukiLockDriver(_client).ApplyAsync(Session(() => { writes++; return Task.CompletedTask; }), [], sweep: true, CancellationToken.None);

        Assert.Equal(1, writes);
        Assert.DoesNotContain(_fake.State.CodesOn(FrontDoor), auth => auth.Name.StartsWith(NukiLockDriver.NamePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnActivationWhoseStateWriteFailsDeletesNothing()
    {
        await PlaceStrayAsync();

        await Assert.ThrowsAsync<ConflictException>(() => new NukiLockDriver(_client).ApplyAsync(
            Session(() => throw new ConflictException("storage.conflict", "The record was changed concurrently.")), [], sweep: true, CancellationToken.None));

        Assert.Contains(_fake.State.CodesOn(FrontDoor), auth => auth.Name == "KSF-0123456789ab");
    }

    [Fact]
    public async Task ForeignCodesAndNoStraysNeedNoWrite()
    {
        await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("Cleaner", 246813, From, From.AddDays(3)));
        await WaitForCodesAsync(1);
        var writes = 0;

        await new NukiLockDriver(_client).ApplyAsync(Session(() => { writes++; return Task.CompletedTask; }), [], sweep: true, CancellationToken.None);

        Assert.Equal(0, writes);
        Assert.Single(_fake.State.CodesOn(FrontDoor), auth => auth.Name == "Cleaner");
    }

    private async Task PlaceStrayAsync()
    {
        await _client.CreateKeypadCodeAsync(Token, FrontDoor, new NukiKeypadCodeRequest("KSF-0123456789ab", 135792, From, From.AddDays(3)));
        await WaitForCodesAsync(1);
    }

    private async Task WaitForCodesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_fake.State.CodesOn(FrontDoor).Count(auth => auth.Type == 13) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The fake never applied the create.");
            await Task.Delay(50);
        }
    }

    private static LockCodeSession Session(Func<Task> saveIntent) => new(
        Guid.NewGuid(),
        new SmartLockState { Provider = IntegrationType.Nuki, ExternalId = FrontDoor.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = "Front Door" },
        new IntegrationCredentials(IntegrationType.Nuki, Token, null, null, 1),
        From.AddDays(-10),
        new SmartLockOptions(),
        null!,
        saveIntent);
}
