using System.Diagnostics;
using System.Globalization;

namespace Kasify.Load.ReadRatio;

/// <summary>
/// Creates what the read-ratio mode reads, through the API: per user, its properties and, at the Nuki fake, a lock for
/// each of the property's lock places, connected through the user's Nuki integration and assigned. One account's
/// integration lists at most 500 devices, so properties beyond <see cref="ReadRatioOptions.LocksPerAccount"/> locks go
/// to the next user's account. Names are fixed-width, so every property's answers have the same size.
/// </summary>
internal sealed class ReadRatioSetup(HttpClient http, ReadRatioOptions options, IReadOnlyList<string> tokens, NukiFakeAdmin fake)
{
    // Locks of account k are FirstLockId + k * 1,000 + n: apart from the fake's demo locks and from every other account's.
    private const long FirstLockId = 18_100_000_000;

    public async Task<IReadOnlyList<ReadRatioProperty>> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var accounts = Enumerable.Range(0, options.AccountsNeeded).ToList();
        var registered = await Task.WhenAll(accounts.Select(async account =>
            (await new KasifyApi(http, tokens[account]).RegisterAsync()).Expect("register", 200, 201).Text("account_id")));
        if (registered.Distinct().Count() != registered.Length)
        {
            throw new InvalidOperationException("--token and --extra-tokens must belong to different users: two of them share an account.");
        }

        var perAccount = await Task.WhenAll(accounts.Select(SetUpAccountAsync));
        Console.WriteLine($"setup: {options.Properties} properties with {options.LocksPerProperty} lock(s) each in {clock.Elapsed.TotalSeconds:F0} s");
        return [.. perAccount.SelectMany(properties => properties)];
    }

    /// <summary>Deletes the properties (which unassigns their locks); answers how many deletes failed.</summary>
    public static async Task<int> TearDownAsync(HttpClient http, IReadOnlyList<ReadRatioProperty> properties)
    {
        var failed = 0;
        await Parallel.ForEachAsync(properties, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (property, _) =>
        {
            var deleted = await new KasifyApi(http, property.Token).DeletePropertyAsync(property.Id);
            for (var attempt = 1; deleted.Status is 0 or >= 500 && attempt < 5; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
                deleted = await new KasifyApi(http, property.Token).DeletePropertyAsync(property.Id);
            }

            if (deleted.Status != 204)
            {
                Interlocked.Increment(ref failed);
            }
        });
        Console.WriteLine($"teardown: deleted {properties.Count - failed} of {properties.Count} properties");
        return failed;
    }

    private async Task<IReadOnlyList<ReadRatioProperty>> SetUpAccountAsync(int account)
    {
        var api = new KasifyApi(http, tokens[account]);
        var first = account * options.PropertiesPerAccount;
        var count = Math.Min(options.PropertiesPerAccount, options.Properties - first);
        var nukiToken = account == 0 ? options.NukiToken : $"{options.NukiToken}-user-{account + 1}";
        var lockIds = Enumerable.Range(0, count * options.LocksPerProperty).Select(n => FirstLockId + (account * 1_000L) + n).ToList();
        await fake.SeedLocksAsync(nukiToken, lockIds.Select(id => (id, string.Create(CultureInfo.InvariantCulture, $"Load {id % 100_000:00000}"))));
        var integrationId = await SetupSteps.ConnectNukiAsync(api, nukiToken);
        var listed = await SetupSteps.ListNukiLocksAsync(api, integrationId);
        var missing = lockIds.Where(id => !listed.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Nuki integration of user {account + 1} lists {listed.Count} locks, without {missing.Count} of the run's (first {missing[0]}); "
                + "an integration keeps the first 500 the vendor lists.");
        }

        var properties = new ReadRatioProperty[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, _) =>
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Load read {first + index:00000}");
            var propertyId = (await SetupSteps.RetryAsync(() => api.CreatePropertyAsync(name), "create property", 201)).Text("id");
            for (var place = 0; place < options.LocksPerProperty; place++)
            {
                await SetupSteps.AssignLockAsync(api, propertyId, integrationId, listed[lockIds[(index * options.LocksPerProperty) + place]]);
            }

            properties[index] = new ReadRatioProperty(propertyId, tokens[account]);
        });
        Console.WriteLine($"setup: user {account + 1}: {count} properties, Nuki fake token {nukiToken}");
        return properties;
    }
}
