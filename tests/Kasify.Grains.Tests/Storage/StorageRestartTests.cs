using System.Data.Common;
using System.Text;
using System.Text.Json;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Silo.Hosting;
using Kasify.Silo.Schema;
using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Storage;

/// <summary>
/// What every storage mode must guarantee, run by <see cref="SqliteStorageTests"/> and <see cref="PostgresStorageTests"/>
/// against a fresh database each: state and reminders survive a restart of the cluster, rows hold readable JSON keyed
/// by ServiceId and state name, and bootstrapping an existing schema changes nothing.
/// </summary>
public abstract class StorageRestartTests
{
    private static readonly TimeSpan TickWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StateAndRemindersSurviveARestart()
    {
        var options = await CreateOptionsAsync();
        var counterId = Guid.NewGuid();
        var tickerId = Guid.NewGuid();
        var kept = $"note:{Guid.NewGuid():N}";
        var cleared = $"note:{Guid.NewGuid():N}";

        await using (var first = await DeployAsync(options))
        {
            var grains = first.Client;
            await grains.GetGrain<ICounterGrain>(counterId).AddAsync(2);
            await grains.GetGrain<ICounterGrain>(counterId).AddAsync(3);
            await grains.GetGrain<INoteGrain>(kept).SetAsync("kept across restarts");
            await grains.GetGrain<INoteGrain>(cleared).SetAsync("soon gone");
            await grains.GetGrain<INoteGrain>(cleared).ClearAsync();

            var ticker = grains.GetGrain<ITickerGrain>(tickerId);
            await ticker.StartAsync(KasifyTestSilos.MinimumReminderPeriod);
            await Eventually.UntilAsync(ticker.GetTicksAsync, ticks => ticks >= 1, TickWait, "A first reminder tick");
            await first.StopAllSilosAsync();
        }

        await using var second = await DeployAsync(options);
        var client = second.Client;
        Assert.Equal(5, await client.GetGrain<ICounterGrain>(counterId).GetAsync());
        Assert.Equal("kept across restarts", await client.GetGrain<INoteGrain>(kept).GetAsync());
        Assert.Null(await client.GetGrain<INoteGrain>(cleared).GetAsync());
        await client.GetGrain<INoteGrain>(cleared).SetAsync("written again after a clear");
        Assert.Equal("written again after a clear", await client.GetGrain<INoteGrain>(cleared).GetAsync());

        // Only the new cluster's reminder service can raise the count now, and nobody registered the reminder again.
        var restarted = client.GetGrain<ITickerGrain>(tickerId);
        var ticksAtRestart = await restarted.GetTicksAsync();
        await Eventually.UntilAsync(restarted.GetTicksAsync, ticks => ticks > ticksAtRestart, TickWait, "A reminder tick after the restart");
        await restarted.StopAsync();
    }

    [Fact]
    public async Task UsersPropertiesAndTokensSurviveARestart()
    {
        var options = await CreateOptionsAsync();
        UserDto user;
        PropertyDto property;
        CreatedAccessTokenDto token;

        await using (var first = await DeployAsync(options))
        {
            user = await first.Client.RegisterNewUserAsync();
            property = await first.Client.GetGrain<IPropertyGrain>(Guid.NewGuid()).CreateAsync(user.Id, PropertyGrainTests.Details());
            await first.Client.GetGrain<IPropertyGrain>(property.Id).SetCoverImageAsync(user.Id, "image/png", [9, 8, 7]);
            token = await first.Client.GetGrain<IUserGrain>(user.Id).CreateAccessTokenAsync(new CreateAccessToken("restart", null));
            await first.StopAllSilosAsync();
        }

        await using var second = await DeployAsync(options);
        var grains = second.Client;
        Assert.Equal(user, await grains.GetGrain<IUserGrain>(user.Id).GetAsync());
        var reloaded = await grains.GetGrain<IPropertyGrain>(property.Id).GetAsync(user.Id);
        Assert.Equal(property with { CoverImageVersion = 1, UpdatedAt = reloaded!.UpdatedAt }, reloaded);
        Assert.Equal(new byte[] { 9, 8, 7 }, (await grains.GetGrain<IPropertyGrain>(property.Id).GetCoverImageAsync(user.Id))!.Content);
        Assert.Contains(new PropertyMembership(property.Id, AccessLevel.Owner), await grains.GetGrain<IUserGrain>(user.Id).GetMembershipsAsync());
        Assert.Contains(property.Id, await grains.GetGrain<IAccountGrain>(user.AccountId).GetPropertyIdsAsync());
        Assert.Equal(new AccessTokenIdentity(token.Id, user.Id), await grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(token.Token)).AuthenticateAsync());
        var directory = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(new PageRequest(0, PageRequest.MaxSize));
        Assert.Contains(user, directory.Content);
    }

    [Fact]
    public async Task StateRowsHoldJsonKeyedByServiceAndStateName()
    {
        var options = await CreateOptionsAsync();
        var key = $"note:{Guid.NewGuid():N}";
        await using (var cluster = await DeployAsync(options))
        {
            await cluster.Client.GetGrain<INoteGrain>(key).SetAsync("readable");
            await cluster.Client.GetGrain<INoteGrain>(key).SetAsync("readable, version 2");
        }

        await using var connection = await OpenAsync(options);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT PayloadBinary, Version FROM OrleansStorage WHERE ServiceId = 'kasify' AND GrainTypeString = 'test-note' AND GrainIdExtensionString = @key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString((byte[])reader[0]));
        Assert.Equal("readable, version 2", json.RootElement.GetProperty("Text").GetString());
        Assert.Equal(2, Convert.ToInt32(reader[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task BootstrappingAnExistingSchemaChangesNothing()
    {
        var options = await CreateOptionsAsync();

        // Silos starting together against an empty database: exactly one creates the schema.
        var created = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SchemaBootstrapper.EnsureSchemaAsync(options)));
        Assert.Single(created, true);

        var before = await DescribeSchemaAsync(options);
        Assert.False(await SchemaBootstrapper.EnsureSchemaAsync(options));
        Assert.Equal(before, await DescribeSchemaAsync(options));
    }

    /// <summary>Options pointing at a database no other test uses.</summary>
    protected abstract Task<KasifySiloOptions> CreateOptionsAsync();

    /// <summary>An open connection to the options' database.</summary>
    protected abstract Task<DbConnection> OpenAsync(KasifySiloOptions options);

    /// <summary>
    /// The query that describes everything a bootstrap could change, one text column per row: tables, indexes,
    /// functions (with identities that change when an object is re-created) and the stored queries.
    /// </summary>
    protected abstract string SchemaDescriptionQuery { get; }

    private async Task<string> DescribeSchemaAsync(KasifySiloOptions options)
    {
        await using var connection = await OpenAsync(options);
        await using var command = connection.CreateCommand();
        command.CommandText = SchemaDescriptionQuery;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task<InProcessTestCluster> DeployAsync(KasifySiloOptions options)
    {
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
