using System.Globalization;
using System.Text.Json.Nodes;
using Kasify.Chaos.Api;
using Kasify.Chaos.Cluster;
using Kasify.Chaos.Options;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.Ses;

namespace Kasify.Chaos.Setup;

/// <summary>
/// Prepares the data set through the public API, as hosts would: per account a user, a Nuki account at the fake with its
/// share of the locks, and a Nuki integration; then the properties (spread over the accounts) and every lock assigned to
/// a property of its account. Every account also connects SES.HOSPEDAJES (the fake's credentials) and every property has
/// an establishment code, so stays with a complete holder are reported. Vendor hiccups and a cluster still warming up are
/// retried.
/// </summary>
internal sealed class ChaosSetup(ChaosApi api, ChaosJwt jwt, NukiFakeState nuki, ChaosOptions options, TextWriter log)
{
    private const long FirstVendorId = 19_000_000_000;

    /// <summary>Any ten characters: the fake accepts every establishment code unless told otherwise.</summary>
    private const string EstablishmentCode = "0000000042";

    public async Task<IReadOnlyList<ChaosProperty>> RunAsync()
    {
        var firstNight = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365);
        var accounts = new List<(string Token, string IntegrationId, List<long> Locks)>();
        for (var a = 0; a < options.Accounts; a++)
        {
            var token = jwt.Create($"chaos-owner-{a + 1}");
            var nukiToken = $"chaos-nuki-{a + 1}-{Guid.NewGuid():N}";
            var locks = Enumerable.Range(0, options.Locks).Where(l => l % options.Accounts == a).Select(l => FirstVendorId + l).ToList();
            foreach (var vendorId in locks)
            {
                nuki.AddSmartlock(nukiToken, vendorId, $"Chaos {vendorId - FirstVendorId}");
            }

            await RetryAsync(() => api.PostAsync(token, "/v1/auth/register"), "register");
            var integration = await RetryAsync(
                () => api.PostAsync(token, "/v1/integrations/nuki", new JsonObject { ["name"] = "Chaos", ["token"] = nukiToken }), "connect Nuki");
            var integrationId = integration.Id;
            var sesCredentials = new SesFakeOptions();
            await RetryAsync(() => api.PostAsync(token, "/v1/integrations/ses_hospedajes", new JsonObject
            {
                ["name"] = "Chaos SES",
                ["arrendador_code"] = sesCredentials.ArrendadorCode,
                ["username"] = sesCredentials.Username,
                ["password"] = sesCredentials.Password,
                ["environment"] = "test",
            }), "connect SES.HOSPEDAJES");
            await RetryAsync(() => api.GetAsync(token, $"/v1/integrations/nuki/{integrationId}/smartlocks"), "list Nuki locks");
            accounts.Add((token, integrationId, locks));
        }

        var created = new ChaosProperty?[options.Properties];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8 };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Properties), parallel, async (p, _) =>
        {
            var account = accounts[p % options.Accounts];
            var ownProperties = Enumerable.Range(0, options.Properties).Where(q => q % options.Accounts == p % options.Accounts).ToList();
            var index = ownProperties.IndexOf(p);
            var property = await RetryAsync(() => api.PostAsync(account.Token, "/v1/properties", new JsonObject
            {
                ["name"] = $"Chaos {p + 1}",
                ["address"] = "Calle Mayor 1",
                ["city"] = "Madrid",
                ["zip_code"] = "28013",
                ["country_code"] = "ES",
                ["ses_establishment_code"] = EstablishmentCode,
            }), "create property");
            var propertyId = property.Id;

            // The account's locks go round its properties, so each property gets at least one.
            var locks = new List<ChaosLock>();
            for (var l = index; l < account.Locks.Count; l += ownProperties.Count)
            {
                var vendorId = account.Locks[l];
                var assigned = await RetryAsync(() => api.PostAsync(account.Token, $"/v1/properties/{propertyId}/smartlocks", new JsonObject
                {
                    ["integration_id"] = account.IntegrationId,
                    ["smartlock_id"] = vendorId,
                }), $"assign lock {vendorId.ToString(CultureInfo.InvariantCulture)}");
                locks.Add(new ChaosLock(Guid.Parse(assigned.Id), vendorId));
            }

            var timeZone = property.Body?["time_zone"]?.GetValue<string>() ?? "Europe/Madrid";
            created[p] = new ChaosProperty(propertyId, account.Token, locks, firstNight, timeZone);
        });

        var properties = created.OfType<ChaosProperty>().ToList();
        log.WriteLine($"setup: {options.Accounts} accounts, {properties.Count} properties, {properties.Sum(p => p.Locks.Count)} locks assigned");
        return properties;
    }

    /// <summary>Setup must succeed: 5xx and missing answers are retried for a while, any other refusal throws.</summary>
    private static async Task<ApiAnswer> RetryAsync(Func<Task<ApiAnswer>> call, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await call();
            if (answer.IsSuccess)
            {
                return answer;
            }

            if (!answer.IsUnknownOutcome || attempt == 10)
            {
                throw new ChaosSetupException($"setup: {what} answered {answer.Status}: {answer.Text}");
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)));
        }
    }
}
