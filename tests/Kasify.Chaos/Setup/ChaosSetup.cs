using System.Globalization;
using System.Text.Json.Nodes;
using Kasify.Chaos.Api;
using Kasify.Chaos.Cluster;
using Kasify.Chaos.Options;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.Ses;
using Kasify.Fakes.UniFi;

namespace Kasify.Chaos.Setup;

/// <summary>
/// Prepares the data set through the public API, as hosts would: per account a user, a Nuki account at the fake with its
/// share of the Nuki locks and a Nuki integration, and a token at the UniFi console with its share of the doors and a UniFi
/// integration pinning the console's certificate; then the properties (spread over the accounts) and every lock assigned
/// to a property of its account (the UniFi doors come last, so some properties have locks of both vendors). Every account also connects SES.HOSPEDAJES (the fake's credentials) and every property has
/// an establishment code, so stays with a complete holder are reported. Vendor hiccups and a cluster still warming up are
/// retried.
/// </summary>
internal sealed class ChaosSetup(ChaosApi api, ChaosJwt jwt, NukiFakeState nuki, UniFiFakeServer unifi, ChaosOptions options, TextWriter log)
{
    private const long FirstVendorId = 19_000_000_000;

    /// <summary>Any ten characters: the fake accepts every establishment code unless told otherwise.</summary>
    private const string EstablishmentCode = "0000000042";

    public async Task<IReadOnlyList<ChaosProperty>> RunAsync()
    {
        var firstNight = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365);
        var accounts = new List<(string Token, List<(ChaosVendor Vendor, string DeviceId, string IntegrationId)> Locks)>();
        var firstUniFiLock = options.Locks - options.UniFiLockCount;
        for (var a = 0; a < options.Accounts; a++)
        {
            var token = jwt.Create($"chaos-owner-{a + 1}");
            var nukiToken = $"chaos-nuki-{a + 1}-{Guid.NewGuid():N}";
            var own = Enumerable.Range(0, options.Locks).Where(l => l % options.Accounts == a).ToList();
            var nukiLocks = own.Where(l => l < firstUniFiLock).Select(l => FirstVendorId + l).ToList();
            foreach (var vendorId in nukiLocks)
            {
                nuki.AddSmartlock(nukiToken, vendorId, $"Chaos {vendorId - FirstVendorId}");
            }

            await RetryAsync(() => api.PostAsync(token, "/v1/auth/register"), "register");
            var integration = await RetryAsync(
                () => api.PostAsync(token, "/v1/integrations/nuki", new JsonObject { ["name"] = "Chaos", ["token"] = nukiToken }), "connect Nuki");
            var integrationId = integration.Id;
            var locks = nukiLocks.Select(id => (ChaosVendor.Nuki, id.ToString(CultureInfo.InvariantCulture), integrationId)).ToList();
            var doorCount = own.Count(l => l >= firstUniFiLock);
            if (doorCount > 0)
            {
                var unifiToken = $"chaos-unifi-{a + 1}-{Guid.NewGuid():N}";
                unifi.Console.AddToken(unifiToken);
                var doors = unifi.Console.AddDoors(doorCount, $"Chaos {a + 1}");
                var console = await RetryAsync(() => api.PostAsync(token, "/v1/integrations/unifi", new JsonObject
                {
                    ["name"] = "Chaos building",
                    ["url"] = unifi.BaseUrl.ToString(),
                    ["api_token"] = unifiToken,
                    ["certificate_sha256"] = unifi.CertificateFingerprint,
                }), "connect UniFi Access");
                await RetryAsync(() => api.GetAsync(token, $"/v1/integrations/unifi/{console.Id}/smartlocks"), "list UniFi doors");
                locks.AddRange(doors.Select(door => (ChaosVendor.UniFi, door.Id, console.Id)));
            }

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
            accounts.Add((token, locks));
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
                var (vendor, deviceId, integrationId) = account.Locks[l];
                var body = new JsonObject { ["integration_id"] = integrationId };
                if (vendor == ChaosVendor.Nuki)
                {
                    body["smartlock_id"] = long.Parse(deviceId, CultureInfo.InvariantCulture);
                }
                else
                {
                    body["door_id"] = deviceId;
                }

                var assigned = await RetryAsync(() => api.PostAsync(account.Token, $"/v1/properties/{propertyId}/smartlocks", body), $"assign {vendor} lock {deviceId}");
                locks.Add(new ChaosLock(Guid.Parse(assigned.Id), vendor, deviceId));
            }

            var timeZone = property.Body?["time_zone"]?.GetValue<string>() ?? "Europe/Madrid";
            created[p] = new ChaosProperty(propertyId, account.Token, locks, firstNight, timeZone);
        });

        var properties = created.OfType<ChaosProperty>().ToList();
        log.WriteLine($"setup: {options.Accounts} accounts, {properties.Count} properties, {properties.Sum(p => p.Locks.Count)} locks assigned ({properties.Sum(p => p.Locks.Count(l => l.Vendor == ChaosVendor.UniFi))} UniFi Access doors)");
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
