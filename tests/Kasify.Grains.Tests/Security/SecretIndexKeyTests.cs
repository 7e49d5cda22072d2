using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tasks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Tasks;
using Kasify.Silo.Hosting;
using Kasify.Silo.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Security;

/// <summary>
/// Check-in codes and public task tokens open a booking's guest form and a task to anyone holding them: like access
/// tokens, they are indexed by hash, never stored as keys, and entries indexed raw before are moved when first read.
/// </summary>
public sealed class SecretIndexKeyTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

    [Fact]
    public async Task NoStoredKeyContainsACheckinCodeOrAPublicTaskToken()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        var property = _grains.GetGrain<IPropertyGrain>(propertyId);
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        var booking = await _grains.Bookings(property).CreateBookingAsync(owner.Id, BookingRulesTests.Stay("2031-03-01", "2031-03-04"));
        var task = await _grains.GetGrain<IPropertyTasksGrain>(propertyId).CreateTaskAsync(owner.Id, TaskFixtures.Maintenance(owner.Id));

        var keys = await StoredKeysAsync();

        Assert.DoesNotContain(keys, key => key.Contains(booking.CheckinCode!, StringComparison.Ordinal));
        Assert.DoesNotContain(keys, key => key.Contains(task.Task.PublicToken, StringComparison.Ordinal));
        Assert.Contains(CheckinCodeKeys.For(booking.CheckinCode!), keys);
        Assert.Contains(TaskPublicTokenKeys.For(task.Task.PublicToken), keys);
    }

    [Fact]
    public async Task ACheckinCodeIndexedRawMovesUnderItsHashWhenFirstResolved()
    {
        var code = "LEGACY" + Guid.NewGuid().ToString("N");
        var bookingId = Guid.NewGuid();
        var legacy = _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.Legacy(code));
        await Storage.WriteStateAsync("checkinCode", legacy.GetGrainId(), new GrainState<CheckinCodeIndexState>(new CheckinCodeIndexState { BookingId = bookingId }));
        var hashed = _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(code));
        Assert.Null(await hashed.ResolveAsync());

        Assert.Equal(bookingId, await legacy.ResolveAsync());

        Assert.Equal(bookingId, await hashed.ResolveAsync());
        Assert.Null(await legacy.ResolveAsync());
        await MigrateAsync();
        Assert.DoesNotContain(await StoredKeysAsync(), key => key.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APublicTaskTokenIndexedRawMovesUnderItsHashWhenFirstResolved()
    {
        var token = "legacy" + Guid.NewGuid().ToString("N");
        var link = new TaskPublicLink(Guid.NewGuid(), Guid.NewGuid());
        var legacy = _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.Legacy(token));
        await Storage.WriteStateAsync("taskPublicToken", legacy.GetGrainId(), new GrainState<TaskPublicTokenIndexState>(new TaskPublicTokenIndexState { Link = link }));
        var hashed = _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token));
        Assert.Null(await hashed.ResolveAsync());

        Assert.Equal(link, await legacy.ResolveAsync());

        Assert.Equal(link, await hashed.ResolveAsync());
        Assert.Null(await legacy.ResolveAsync());
        await MigrateAsync();
        Assert.DoesNotContain(await StoredKeysAsync(), key => key.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStartupMigrationMovesEntriesNobodyResolvedAndLeavesNoRawKey()
    {
        var code = "LEGACY" + Guid.NewGuid().ToString("N");
        var token = "legacy" + Guid.NewGuid().ToString("N");
        var bookingId = Guid.NewGuid();
        var link = new TaskPublicLink(Guid.NewGuid(), Guid.NewGuid());
        await Storage.WriteStateAsync(
            "checkinCode", _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.Legacy(code)).GetGrainId(),
            new GrainState<CheckinCodeIndexState>(new CheckinCodeIndexState { BookingId = bookingId }));
        await Storage.WriteStateAsync(
            "taskPublicToken", _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.Legacy(token)).GetGrainId(),
            new GrainState<TaskPublicTokenIndexState>(new TaskPublicTokenIndexState { Link = link }));

        await MigrateAsync();

        Assert.Equal(bookingId, await _grains.GetGrain<ICheckinCodeIndexGrain>(CheckinCodeKeys.For(code)).ResolveAsync());
        Assert.Equal(link, await _grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).ResolveAsync());
        var keys = await StoredKeysAsync();
        Assert.DoesNotContain(keys, key => key.Contains(code, StringComparison.Ordinal) || key.Contains(token, StringComparison.Ordinal));
    }

    private Task MigrateAsync() =>
        new LegacySecretKeyMigration(fixture.Options, _grains, NullLogger<LegacySecretKeyMigration>.Instance).Execute(CancellationToken.None);

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(fixture.Options.Storage.SqlitePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainIdExtensionString FROM OrleansStorage WHERE ServiceId = 'kasify' AND GrainIdExtensionString IS NOT NULL";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
